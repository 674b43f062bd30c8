package org.hromada.aid;

import org.hromada.security.Caller;

/**
 * Published when a coordinator moves a request along its lifecycle
 * (changeAidRequestStatus): features whose work follows the request (claims) learn of the
 * progress, or that the need was met. The aid feature defines it so that it depends on
 * none of them.
 *
 * @param aidRequestId the request moved
 * @param status its status now
 * @param by who moved it
 */
public record AidRequestStatusChanged(String aidRequestId, AidRequestStatus status, Caller by) {

}
