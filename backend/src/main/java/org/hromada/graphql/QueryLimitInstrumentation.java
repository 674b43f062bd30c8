package org.hromada.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;

/**
 * Holds every GraphQL request to the {@link QueryLimits}, whatever the transport (it is
 * part of the GraphQL engine, so HTTP and WebSocket alike):
 * <ul>
 * <li>the parser stops after {@code max-tokens} tokens (graphql-java's ParserOptions,
 * given per request in the GraphQLContext, so the JVM-wide defaults stay untouched);</li>
 * <li>before validation, the document's depth, field count and aliases are measured on
 * its syntax ({@link QueryLimitMeasure}), and a document over any limit is refused
 * without being validated or executed (the field count is a lower bound of the
 * complexity);</li>
 * <li>after validation, before execution, the complexity: each field counts 1 times the
 * most items each list around it can return ({@link ListSizes}), so that no operation
 * within the limit can return more than that many values;</li>
 * <li>validation stops after {@code max-validation-errors} errors (set JVM-wide,
 * graphql-java has no per-request setting; see {@link QueryLimitsConfiguration}).</li>
 * </ul>
 * Each refusal is a BAD_REQUEST error naming the limit and its value; graphql-java's own
 * errors for the parser and validation limits are rewritten to that form.
 */
final class QueryLimitInstrumentation implements Instrumentation {

	private static final Logger log = LoggerFactory.getLogger(QueryLimitInstrumentation.class);

	private static final String PER_ITEM = " (each field counts 1, times the items each list around it can return)";

	private final QueryLimits limits;

	private final ParserOptions parserOptions;

	/**
	 * What one field's complexity saturates at: above the limit, and such that the limit
	 * times it fits in an int.
	 */
	private final int complexityCeiling;

	QueryLimitInstrumentation(QueryLimits limits) {
		this.limits = limits;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxTokens(limits.maxTokens()));
		this.complexityCeiling = (int) (Integer.MAX_VALUE / (limits.maxComplexity() + 1L));
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new State());
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		GraphQLContext context = input.getGraphQLContext();
		if (!context.hasKey(ParserOptions.class)) {
			context.put(ParserOptions.class, this.parserOptions);
		}
		return input;
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (failure instanceof ParseCancelledException || failure instanceof ParseCancelledTooDeepException
					|| failure instanceof ParseCancelledTooManyCharsException) {
				((State) state).parseCancelled = (InvalidSyntaxException) failure;
			}
		});
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		List<GraphQLError> refusals = refusals(QueryLimitMeasure.of(parameters.getDocument()));
		if (!refusals.isEmpty()) {
			log.debug("Refused a GraphQL document: {}", refusals);
			throw new AbortExecutionException(refusals);
		}
		return SimpleInstrumentationContext.noOp();
	}

	List<GraphQLError> refusals(QueryLimitMeasure measure) {
		List<GraphQLError> refusals = new ArrayList<>(3);
		if (measure.depth() > this.limits.maxDepth()) {
			refusals
				.add(badRequest("Query depth " + measure.depth() + " exceeds the limit of " + this.limits.maxDepth()));
		}
		if (measure.fields() > this.limits.maxFields()) {
			refusals.add(badRequest(
					"Query field count " + measure.fields() + " exceeds the limit of " + this.limits.maxFields()));
		}
		else if (measure.fields() > this.limits.maxComplexity()) {
			refusals.add(complexityRefusal(measure.fields()));
		}
		if (measure.aliases() > this.limits.maxAliases()) {
			refusals.add(badRequest(
					"Query alias count " + measure.aliases() + " exceeds the limit of " + this.limits.maxAliases()));
		}
		return refusals;
	}

	/**
	 * Measures the complexity of the operation about to run, with the schema and the
	 * variables: each field counts 1 times the most items each list around it can return
	 * ({@link ListSizes}). Only documents within the flat field count get here, so the
	 * traversal is bounded.
	 */
	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		// Each field saturates at the ceiling, so that the int sums graphql-java adds up
		// cannot overflow for any document within the flat field count; past it the
		// figure is a lower bound.
		AtomicBoolean saturated = new AtomicBoolean();
		FieldComplexityCalculator fields = (environment, childComplexity) -> {
			long complexity = ListSizes.complexity(environment, childComplexity);
			if (complexity >= this.complexityCeiling) {
				saturated.set(true);
				return this.complexityCeiling;
			}
			return (int) complexity;
		};
		int complexity = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(fields)
			.schema(execution.getGraphQLSchema())
			.document(execution.getDocument())
			.operationName(execution.getExecutionInput().getOperationName())
			.variables(execution.getCoercedVariables())
			.build()
			.calculate();
		if (complexity > this.limits.maxComplexity()) {
			throw new AbortExecutionException(
					List.of(badRequest("Query complexity " + (saturated.get() ? "at least " : "") + complexity
							+ " exceeds the limit of " + this.limits.maxComplexity() + PER_ITEM)));
		}
		return SimpleInstrumentationContext.noOp();
	}

	private GraphQLError complexityRefusal(long complexity) {
		return badRequest(
				"Query complexity " + complexity + " exceeds the limit of " + this.limits.maxComplexity() + PER_ITEM);
	}

	/**
	 * Rewrites graphql-java's errors for the parser and validation limits, if any, as
	 * BAD_REQUEST errors.
	 */
	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		InvalidSyntaxException parseCancelled = (state instanceof State own) ? own.parseCancelled : null;
		if (parseCancelled == null && !reachedMaxValidationErrors(result.getErrors())) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
		for (GraphQLError error : result.getErrors()) {
			if (parseCancelled != null && error instanceof InvalidSyntaxError) {
				errors.add(badRequest(describe(parseCancelled)));
			}
			else if (isMaxValidationErrors(error)) {
				// graphql-java's cap counts this notice: the errors before it are one
				// fewer.
				errors.add(badRequest("Validation stopped at the limit of " + this.limits.maxValidationErrors()
						+ " errors; only the first " + (this.limits.maxValidationErrors() - 1) + " are reported"));
			}
			else {
				errors.add(error);
			}
		}
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
	}

	private String describe(InvalidSyntaxException cancelled) {
		// The token type ('grammar' or 'whitespace') is a parameter of the message, never
		// translated.
		if (cancelled instanceof ParseCancelledException && !cancelled.getMessage().contains("'whitespace'")) {
			return "Query token count exceeds the limit of " + this.limits.maxTokens();
		}
		return cancelled.getMessage();
	}

	private static boolean reachedMaxValidationErrors(List<GraphQLError> errors) {
		for (GraphQLError error : errors) {
			if (isMaxValidationErrors(error)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMaxValidationErrors(GraphQLError error) {
		return error instanceof ValidationError validation
				&& validation.getValidationErrorType() == ValidationErrorType.MaxValidationErrorsReached;
	}

	private static GraphQLError badRequest(String message) {
		return GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(message).build();
	}

	/** What the parser reported for one request. */
	private static final class State implements InstrumentationState {

		private volatile InvalidSyntaxException parseCancelled;

	}

}
