package org.hromada.graphql;

import java.util.concurrent.atomic.AtomicReference;

import graphql.scalars.ExtendedScalars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Scalars and the schema inspection report. The report lists schema fields no controller
 * serves and controller methods no schema field uses; both are defects, so it is logged
 * as a warning and kept for the test that requires it to be clean.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(ExtendedScalars.GraphQLLong);
	}

	/** Replaces Spring Boot's cursor strategy wherever cursors are read or written. */
	@Bean
	@Primary
	CursorStrategy<ScrollPosition> safeCursorStrategy() {
		return new SafeCursorStrategy();
	}

	@Bean
	SchemaInspection schemaInspection() {
		return new SchemaInspection();
	}

	@Bean
	GraphQlSourceBuilderCustomizer schemaInspectionCustomizer(SchemaInspection inspection) {
		return builder -> builder.inspectSchemaMappings(report -> {
			inspection.report.set(report);
			if (!SchemaInspection.isClean(report)) {
				log.warn("GraphQL schema inspection found defects: {}", report);
			}
		});
	}

	/** Holds the schema inspection report of this application. */
	public static final class SchemaInspection {

		private final AtomicReference<SchemaReport> report = new AtomicReference<>();

		public SchemaReport report() {
			return this.report.get();
		}

		static boolean isClean(SchemaReport report) {
			return report.unmappedFields().isEmpty() && report.unmappedRegistrations().isEmpty()
					&& report.unmappedArguments().isEmpty() && report.skippedTypes().isEmpty();
		}

		public boolean isClean() {
			return isClean(report());
		}

	}

}
