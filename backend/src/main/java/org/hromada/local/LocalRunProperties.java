package org.hromada.local;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the local run, passed by the spring-boot:run configuration in
 * backend/pom.xml.
 *
 * @param keycloakHome the unpacked Keycloak distribution
 * @param realmFile the realm to import (k8s/base/keycloak/hromada-realm.json)
 * @param dataDir the project's data folder: embedded store file and Keycloak's working
 * copy
 * @param keycloakPort Keycloak's HTTP port (the next port is its management port)
 */
@ConfigurationProperties("hromada.local")
record LocalRunProperties(Path keycloakHome, Path realmFile, Path dataDir, int keycloakPort) {

}
