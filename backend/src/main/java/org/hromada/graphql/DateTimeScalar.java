package org.hromada.graphql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The DateTime scalar of graphql-java-extended-scalars (RFC 3339), also serializing
 * {@link Instant}s, which is how the application keeps times; they are shown in UTC.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = ExtendedScalars.DateTime
		.transform(builder -> builder.coercing(new InstantCoercing(ExtendedScalars.DateTime.getCoercing())));

	private DateTimeScalar() {
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private record InstantCoercing(Coercing delegate) implements Coercing<Object, Object> {

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
			Object converted = (value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value;
			return this.delegate.serialize(converted, context, locale);
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale)
				throws CoercingParseValueException {
			return this.delegate.parseValue(input, context, locale);
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
				throws CoercingParseLiteralException {
			return this.delegate.parseLiteral(input, variables, context, locale);
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			Object converted = (input instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : input;
			return this.delegate.valueToLiteral(converted, context, locale);
		}

	}

}
