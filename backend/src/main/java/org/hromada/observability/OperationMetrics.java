package org.hromada.observability;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the GraphQL API: the latency of each operation, named by its root
 * field (a name the schema bounds, unlike client-chosen operation names), and the errors
 * returned, by classification.
 * <ul>
 * <li>{@code hromada_graphql_operation_seconds{operation="aidRequests", type="query",
 * outcome="success"}}</li>
 * <li>{@code hromada_graphql_errors_total{classification="FORBIDDEN"}}</li>
 * </ul>
 */
@Component
class OperationMetrics extends SimplePerformantInstrumentation {

	private final MeterRegistry registry;

	OperationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
		String name = rootField(operation);
		String type = operation.getOperation().name().toLowerCase(Locale.ROOT);
		Timer.Sample sample = Timer.start(this.registry);
		return SimpleInstrumentationContext.whenCompleted((result,
				failure) -> sample.stop(Timer.builder("hromada.graphql.operation")
					.description("Latency of GraphQL operations by root field")
					.tag("operation", name)
					.tag("type", type)
					.tag("outcome",
							(failure == null && (result == null || result.getErrors().isEmpty())) ? "success" : "error")
					.publishPercentileHistogram()
					.register(this.registry)));
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		for (GraphQLError error : result.getErrors()) {
			Counter.builder("hromada.graphql.errors")
				.description("GraphQL errors returned, by classification")
				.tag("classification", classification(error))
				.register(this.registry)
				.increment();
		}
		return CompletableFuture.completedFuture(result);
	}

	private static String rootField(OperationDefinition operation) {
		List<Selection> selections = operation.getSelectionSet().getSelections();
		for (Selection<?> selection : selections) {
			if (selection instanceof Field field && !field.getName().startsWith("__")) {
				return field.getName();
			}
		}
		return selections.isEmpty() ? "none" : "introspection";
	}

	private static String classification(GraphQLError error) {
		return (error.getErrorType() != null) ? error.getErrorType().toString() : "UNKNOWN";
	}

}
