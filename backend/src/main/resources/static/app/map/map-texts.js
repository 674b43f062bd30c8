// The texts of the coordinators' map of needs.
import { addTexts } from '../core/i18n.js';

addTexts({
  en: {
    'map.title': 'Map of needs',
    'map.legend': 'Priority colours',
    'map.region': 'Map of the open needs of your communities',
    'map.listed': '{count} open needs with a location, on the map above',
    'map.failed': 'The map did not load; the list below has the same needs.',
    'map.cluster': '{count} needs here: zoom in',
  },
  uk: {
    'map.title': 'Мапа потреб',
    'map.legend': 'Кольори пріоритетів',
    'map.region': 'Мапа відкритих потреб ваших громад',
    'map.listed': 'Відкритих потреб із місцем: {count}, на мапі вище',
    'map.failed': 'Мапа не завантажилася; у списку нижче ті самі потреби.',
    'map.cluster': 'Потреб тут: {count}; наблизьте',
  },
});
