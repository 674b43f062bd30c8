// The communities the signed-in coordinator serves (the token's communities claim), with their
// names, for the console's community filters; read once per page load.
import { claims } from '../core/auth.js';
import { communityNames } from '../community/communities.js';

let names = null;

export async function myCommunities() {
  if (!names) {
    const pcodes = claims()?.communities ?? [];
    try {
      names = await communityNames(pcodes);
    } catch (failure) {
      return pcodes.map((pcode) => ({ pcode, name: { uk: pcode, en: pcode } }));
    }
  }
  return names;
}
