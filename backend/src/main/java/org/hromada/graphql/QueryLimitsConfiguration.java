package org.hromada.graphql;

import java.util.List;

import graphql.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request bounds of {@link QueryLimits}: the GraphQL engine's instrumentation (Spring
 * Boot adds every Instrumentation bean to the engine) and the body size filter of the
 * HTTP endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimits.class)
class QueryLimitsConfiguration {

	/**
	 * Ahead of Spring Security's filter chain (order -100), after the observation filter,
	 * so that a refused body is never authenticated nor parsed, and still shows in the
	 * HTTP metrics.
	 */
	static final int REQUEST_SIZE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final Logger log = LoggerFactory.getLogger(QueryLimitsConfiguration.class);

	/**
	 * Also caps the validation errors of a document. graphql-java keeps that cap in a
	 * JVM-wide static (there is no per-request setting), so it is set here, once, at
	 * start-up.
	 */
	@Bean
	QueryLimitInstrumentation queryLimitInstrumentation(QueryLimits limits) {
		Validator.setMaxValidationErrors(limits.maxValidationErrors());
		log.info("GraphQL request limits: {}", limits);
		return new QueryLimitInstrumentation(limits);
	}

	/** Every list of the schema declares its size, or the service does not start. */
	@Bean
	GraphQlSourceBuilderCustomizer listSizeCheck() {
		return builder -> builder.typeVisitors(List.of(new ListSizes.Check()));
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(QueryLimits limits,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(limits));
		registration.addUrlPatterns(path);
		registration.setOrder(REQUEST_SIZE_FILTER_ORDER);
		return registration;
	}

}
