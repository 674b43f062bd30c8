package org.hromada.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed local run (a port taken, no Keycloak distribution, Keycloak not
 * starting) into Spring Boot's short "APPLICATION FAILED TO START" report with what to
 * do, instead of a stack trace.
 */
class LocalRunFailureAnalyzer extends AbstractFailureAnalyzer<LocalRunException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LocalRunException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
