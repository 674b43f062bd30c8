package org.hromada.aid;

import org.hromada.security.Caller;

/**
 * Published when triage moves a request to another sector: features holding work on it
 * (assignments) re-check that work against the new sector's rules (vetting). The aid
 * feature defines it so that it depends on none of them.
 *
 * @param aidRequestId the request
 * @param sector its new sector
 * @param by who made the change
 */
public record AidRequestSectorChanged(String aidRequestId, Sector sector, Caller by) {

}
