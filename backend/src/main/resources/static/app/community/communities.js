// Names of the communities a user serves, for the form's choice and the header. Community
// names are public reference data, kept with the session so an offline start shows them too.
import { gql } from '../core/graphql.js';

export async function communityNames(pcodes) {
  if (pcodes.length === 0) {
    return [];
  }
  const variables = Object.fromEntries(pcodes.map((pcode, index) => [`p${index}`, pcode]));
  const query = `query CommunityNames(${pcodes.map((_, index) => `$p${index}: String!`).join(', ')}) {
    ${pcodes.map((_, index) => `c${index}: communityByPcode(pcode: $p${index}) { pcode name { uk en } }`).join('\n')}
  }`;
  const data = await gql(query, variables);
  return pcodes.map((pcode, index) => data[`c${index}`] ?? { pcode, name: { uk: pcode, en: pcode } });
}
