package org.hromada.aid;

import org.hromada.security.Caller;

/**
 * Published when a coordinator closes a request to further work (fulfilled, closed,
 * cancelled, marked a duplicate): features holding work on it (assignments) end that
 * work. The aid feature defines it so that it depends on none of them.
 *
 * @param aidRequestId the request closed
 * @param status the status it was closed with
 * @param by who closed it
 */
public record AidRequestClosed(String aidRequestId, AidRequestStatus status, Caller by) {

}
