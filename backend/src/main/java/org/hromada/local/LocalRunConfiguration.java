package org.hromada.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.hromada.community.SampleCommunities;
import org.hromada.organization.SampleOrganizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;

/**
 * The local run: starts a real Keycloak with the hromada realm beside the API, loads the
 * sample communities, and prints how to get a token and call the API once both are ready.
 * Keycloak keeps its users in data/keycloak-*; when the realm file changes, that database
 * is reset so the new realm is imported.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@EnableConfigurationProperties(LocalRunProperties.class)
class LocalRunConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LocalRunConfiguration.class);

	@Bean(destroyMethod = "close")
	KeycloakServer localKeycloak(LocalRunProperties local) throws IOException {
		Path workDir = local.dataDir().resolve(local.keycloakHome().getFileName());
		resetWhenRealmChanged(local.realmFile(), workDir);
		log.info("Starting Keycloak on http://localhost:{} (log: {})", local.keycloakPort(),
				workDir.resolve("keycloak.log"));
		return KeycloakServer.start(local.keycloakHome(), workDir, local.realmFile(), local.keycloakPort(), true);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> announceWhenReady(KeycloakServer keycloak, SampleCommunities samples,
			SampleOrganizations organizations, @Value("${server.port}") int apiPort) {
		return event -> {
			try {
				keycloak.awaitReady(Duration.ofMinutes(3));
			}
			catch (IllegalStateException ex) {
				log.error("Keycloak did not start. {}", ex.getMessage());
				ConfigurableApplicationContext context = event.getApplicationContext();
				System.exit(SpringApplication.exit(context, () -> 1));
			}
			samples.load();
			organizations.load();
			log.info(banner(keycloak, apiPort));
		};
	}

	private static void resetWhenRealmChanged(Path realmFile, Path workDir) throws IOException {
		String digest = sha256(realmFile);
		Path marker = workDir.resolveSibling("keycloak-realm.sha256");
		if (Files.exists(marker) && !Files.readString(marker).equals(digest)) {
			log.info("The realm file changed: resetting the local Keycloak database so that it is imported again");
			KeycloakServer.deleteTree(workDir.resolve("data/h2"));
		}
		Files.createDirectories(workDir.getParent());
		Files.writeString(marker, digest);
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String banner(KeycloakServer keycloak, int apiPort) {
		try (InputStream in = new ClassPathResource("local-run-banner.txt").getInputStream()) {
			return "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("{api}", "http://localhost:" + apiPort)
				.replace("{keycloak}", "http://localhost:" + keycloak.port());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
