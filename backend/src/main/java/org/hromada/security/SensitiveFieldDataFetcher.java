package org.hromada.security;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Resolves a @sensitive field only for callers the {@link SensitivityPolicy} entitles;
 * for others it resolves to null and notes the withheld field for the response's
 * extensions and the audit log. A parent that does not say whom it belongs to
 * ({@link Guarded}) never reveals the field.
 */
final class SensitiveFieldDataFetcher implements DataFetcher<Object> {

	private final Sensitivity level;

	private final String field;

	private final DataFetcher<?> delegate;

	SensitiveFieldDataFetcher(Sensitivity level, String field, DataFetcher<?> delegate) {
		this.level = level;
		this.field = field;
		this.delegate = delegate;
	}

	@Override
	public Object get(DataFetchingEnvironment environment) throws Exception {
		Caller caller = Callers.from(environment);
		// A sensitive field of a nested value (a status change's note) is judged by the
		// record it belongs
		// to, which the record's resolver passes down as the local context.
		Object source = (environment.getSource() instanceof Guarded) ? environment.getSource()
				: environment.getLocalContext();
		if (source instanceof GuardedPart part && !part.guardsSensitiveFields()) {
			return this.delegate.get(environment);
		}
		WithheldFields withheld = environment.getGraphQlContext().get(WithheldFields.class);
		if (source instanceof Guarded record && SensitivityPolicy.canSee(caller, record, this.level)) {
			Object value = this.delegate.get(environment);
			if (withheld != null && value != null
					&& !SensitivityPolicy.seesWithoutOrganization(caller, record, this.level)) {
				withheld.revealed(new AccessAudit.Withheld(this.field, record.entityType(), record.id(),
						record.communityPcode(), this.level));
			}
			return value;
		}
		if (withheld != null) {
			withheld.add(environment.getExecutionStepInfo().getPath().toList(), this.level,
					(source instanceof Guarded record) ? new AccessAudit.Withheld(this.field, record.entityType(),
							record.id(), record.communityPcode(), this.level) : null);
		}
		return null;
	}

}
