// Names of the communities a user serves, for the form's choice and the header. Community
// names are public reference data, kept with the session so an offline start shows them too.
import { gql } from '../core/graphql.js';

// One fixed document for up to ten communities, asked for in one request (more go in chunks of
// ten, in parallel); the places a chunk does not fill repeat its last P-code. Fixed, so that its
// size is known before it is sent (FieldAppDocumentLimitsTests checks it against the API's limits).
const CHUNK = 10;

const COMMUNITY_NAMES = `query CommunityNames($p0: String!, $p1: String!, $p2: String!, $p3: String!, $p4: String!,
    $p5: String!, $p6: String!, $p7: String!, $p8: String!, $p9: String!) {
  c0: communityByPcode(pcode: $p0) { ...Name }
  c1: communityByPcode(pcode: $p1) { ...Name }
  c2: communityByPcode(pcode: $p2) { ...Name }
  c3: communityByPcode(pcode: $p3) { ...Name }
  c4: communityByPcode(pcode: $p4) { ...Name }
  c5: communityByPcode(pcode: $p5) { ...Name }
  c6: communityByPcode(pcode: $p6) { ...Name }
  c7: communityByPcode(pcode: $p7) { ...Name }
  c8: communityByPcode(pcode: $p8) { ...Name }
  c9: communityByPcode(pcode: $p9) { ...Name }
}
fragment Name on Community { pcode name { uk en } }`;

async function namesOf(chunk) {
  const variables = {};
  for (let index = 0; index < CHUNK; index += 1) {
    variables[`p${index}`] = chunk[Math.min(index, chunk.length - 1)];
  }
  const data = await gql(COMMUNITY_NAMES, variables);
  return chunk.map((pcode, index) => data[`c${index}`] ?? { pcode, name: { uk: pcode, en: pcode } });
}

export async function communityNames(pcodes) {
  const chunks = [];
  for (let start = 0; start < pcodes.length; start += CHUNK) {
    chunks.push(pcodes.slice(start, start + CHUNK));
  }
  return (await Promise.all(chunks.map(namesOf))).flat();
}
