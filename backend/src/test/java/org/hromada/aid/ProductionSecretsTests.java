package org.hromada.aid;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The production profile has no development defaults for secrets: the key of the phone
 * and email hashes (the development key is published, so hashes made with it could be
 * recomputed by anyone) and the secret of the Keycloak client that registers volunteers.
 */
class ProductionSecretsTests {

	@Test
	void withoutTheKeyTheProductionConfigurationCannotBeResolved() throws IOException {
		StandardEnvironment environment = production(Map.of());

		assertThatIllegalArgumentException().isThrownBy(() -> environment.getProperty("hromada.aid.fingerprint-key"))
			.withMessageContaining("HROMADA_FINGERPRINT_KEY");
	}

	@Test
	void withoutTheClientSecretTheProductionConfigurationCannotBeResolved() throws IOException {
		StandardEnvironment environment = production(Map.of());

		assertThatIllegalArgumentException()
			.isThrownBy(() -> environment.getProperty("hromada.volunteer.registration.client-secret"))
			.withMessageContaining("HROMADA_KEYCLOAK_ADMIN_CLIENT_SECRET");
		assertThat(production(Map.of("HROMADA_KEYCLOAK_ADMIN_CLIENT_SECRET", "s3cret"))
			.getProperty("hromada.volunteer.registration.client-secret")).isEqualTo("s3cret");
	}

	@Test
	void withTheKeyTheFingerprintAndEmailKeysAreIt() throws IOException {
		StandardEnvironment environment = production(Map.of("HROMADA_FINGERPRINT_KEY", "a-real-secret"));

		assertThat(environment.getProperty("hromada.aid.fingerprint-key")).isEqualTo("a-real-secret");
		assertThat(environment.getProperty("hromada.volunteer.registration.email-key")).isEqualTo("a-real-secret");
	}

	/**
	 * The configuration files of the production profile, with only the given variables.
	 */
	private static StandardEnvironment production(Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (String file : List.of("application-production.yml", "application.yml")) {
			for (PropertySource<?> source : loader.load(file, new ClassPathResource(file))) {
				environment.getPropertySources().addLast(source);
			}
		}
		return environment;
	}

}
