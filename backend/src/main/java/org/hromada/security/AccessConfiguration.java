package org.hromada.security;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs the {@link AccessPolicy} into the GraphQL schema. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer accessPolicyCustomizer(AccessPolicy policy) {
		return builder -> builder.typeVisitors(List.of(policy));
	}

}
