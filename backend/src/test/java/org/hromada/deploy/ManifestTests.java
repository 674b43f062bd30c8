package org.hromada.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.hromada.deploy.StrictKubernetesParser.InvalidManifestException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the Kubernetes manifests in {@code k8s/}: every overlay is rendered with
 * {@code kubectl kustomize} (offline) and each object is parsed strictly, then checked
 * for selectors, ports, probes, ConfigMap and Secret references, pinned images, resources
 * and hardened security contexts. Without kubectl the rendering checks are skipped, and
 * the same structural checks still run on the raw resource files. The
 * {@link BadManifests} tests show that each kind of check does fail on a bad manifest.
 */
class ManifestTests {

	/**
	 * Secrets that an overlay expects to be created out of band, never rendered (so never
	 * committed), with their keys so that references to them are still checked.
	 * Production: created with `kubectl create secret` as documented in k8s/README.md
	 * ("Production"); the TLS Secrets by hand or by cert-manager.
	 */
	static final Map<String, Map<String, Set<String>>> OUT_OF_BAND_SECRETS = Map.of("production",
			Map.of("hromada-backend-secrets",
					Set.of("MONGODB_URI", "HROMADA_KEYCLOAK_ADMIN_CLIENT_SECRET", "HROMADA_FINGERPRINT_KEY",
							"HROMADA_AUDIT_SIGNING_KEY"),
					"mongo-auth", Set.of("root-username", "root-password", "app-username", "app-password"),
					"mongo-keyfile", Set.of("keyfile"), "keycloak-db", Set.of("username", "password"), "keycloak-admin",
					Set.of("username", "password"), "hromada-api-tls", Set.of("tls.crt", "tls.key"), "hromada-auth-tls",
					Set.of("tls.crt", "tls.key")));

	/**
	 * Containers allowed a writable root filesystem (Kind/name/container); the reason is
	 * in a comment in the manifest. Keycloak: `start` without --optimized re-augments
	 * into /opt/keycloak/lib/quarkus at start.
	 */
	static final Set<String> WRITABLE_ROOT_FILESYSTEM = Set.of("Deployment/keycloak/keycloak");

	private static final Path ROOT = Kustomize.repositoryRoot();

	private static final Path K8S = ROOT.resolve("k8s");

	private static final StrictKubernetesParser PARSER = new StrictKubernetesParser();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, StrictKubernetesParser.Result> RENDERED = new ConcurrentHashMap<>();

	static Stream<String> overlays() throws IOException {
		try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
			return dirs.filter((dir) -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
				.map((dir) -> dir.getFileName().toString())
				.sorted()
				.toList()
				.stream();
		}
	}

	/**
	 * The overlay rendered by kubectl and parsed strictly; skips the test when kubectl is
	 * not installed. Documents that do not parse are reported by
	 * {@link #rendersToStrictlyValidKubernetesObjects}; the other checks run on the
	 * objects that did parse.
	 */
	private static StrictKubernetesParser.Result render(String overlay) {
		Optional<Path> kubectl = Kustomize.kubectl();
		assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on the PATH, not /usr/bin/kubectl): the "
				+ "rendering checks are skipped; the checks on the raw files still run");
		return RENDERED.computeIfAbsent(overlay,
				(name) -> PARSER.parseAll(Kustomize.render(kubectl.get(), K8S.resolve("overlays").resolve(name)),
						"kubectl kustomize k8s/overlays/" + name));
	}

	private static List<HasMetadata> rendered(String overlay) {
		return render(overlay).objects();
	}

	private static Map<String, Set<String>> outOfBandSecrets(String overlay) {
		return OUT_OF_BAND_SECRETS.getOrDefault(overlay, Map.of());
	}

	@Test
	void theLocalAndProductionOverlaysExist() throws IOException {
		assertThat(overlays()).contains("local", "production");
	}

	// ---- rendered overlays
	// -----------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void rendersToStrictlyValidKubernetesObjects(String overlay) {
		assertThat(render(overlay).errors()).as("objects of overlay %s that do not parse strictly", overlay).isEmpty();
		List<HasMetadata> objects = rendered(overlay);
		assertThat(objects).isNotEmpty();
		assertThat(ManifestChecks.uniqueNames(objects)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void selectorsMatchPodTemplates(String overlay) {
		assertThat(ManifestChecks.selectors(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void serviceTargetPortsAreContainerPorts(String overlay) {
		assertThat(ManifestChecks.serviceTargetPorts(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void probesExistAndTheBackendProbesTheSpringBootProbeGroups(String overlay) {
		assertThat(ManifestChecks.probes(rendered(overlay))).isEmpty();
		assertThat(ManifestChecks.backendProbes(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyReferencedConfigMapAndSecretKeyExists(String overlay) {
		assertThat(ManifestChecks.configReferences(rendered(overlay), outOfBandSecrets(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void imagesArePinned(String overlay) {
		assertThat(ManifestChecks.imageTags(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void backendRunsTheImageThatTheBuildNames(String overlay) {
		String name = System.getProperty("hromada.test.image-name");
		assertThat(name).as("system property hromada.test.image-name (image.name of backend/pom.xml)").isNotBlank();
		assertThat(ManifestChecks.backendImage(rendered(overlay), name)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyContainerHasRequestsAndLimits(String overlay) {
		assertThat(ManifestChecks.resources(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyContainerIsHardened(String overlay) {
		assertThat(ManifestChecks.securityContexts(rendered(overlay), WRITABLE_ROOT_FILESYSTEM)).isEmpty();
		assertThat(ManifestChecks.serviceAccountTokens(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void backendRunsAtLeastTwoReplicas(String overlay) {
		assertThat(ManifestChecks.backendReplicas(rendered(overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void backendExpectsTheIssuerThatKeycloakIssues(String overlay) {
		List<HasMetadata> objects = rendered(overlay);
		Map<String, String> backend = envConfigMap(objects, "hromada-backend");
		Map<String, String> keycloak = envConfigMap(objects, "keycloak");
		assertThat(backend.get("KEYCLOAK_ISSUER")).isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/hromada");
		assertThat(backend.get("KEYCLOAK_JWK_SET_URI"))
			.isEqualTo("http://keycloak:8080/realms/hromada/protocol/openid-connect/certs");
		assertThat(backend).containsKeys("MONGODB_DATABASE", "JAVA_TOOL_OPTIONS");
		assertThat(backend.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void mongoBootstrapAndConnectionStringNameEveryReplicaSetMember(String overlay) {
		List<HasMetadata> objects = rendered(overlay);
		StatefulSet mongo = ManifestChecks.find(objects, StatefulSet.class, "mongo").orElseThrow();
		assertThat(mongo.getSpec().getReplicas()).isEqualTo(3);
		List<String> members = IntStream.range(0, mongo.getSpec().getReplicas())
			.mapToObj((i) -> "mongo-" + i + "." + mongo.getSpec().getServiceName() + ":27017")
			.toList();
		Container mongod = mongo.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(String.join(" ", mongod.getArgs())).contains("--replSet rs0").contains("--keyFile ");
		Job init = ManifestChecks.find(objects, Job.class, "mongo-rs-init").orElseThrow();
		Map<String, String> initEnv = init.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnv()
			.stream()
			.filter((env) -> env.getValue() != null)
			.collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
		assertThat(initEnv).containsEntry("MONGO_REPLICA_SET", "rs0")
			.containsEntry("MONGO_MEMBERS", String.join(",", members));
		// The URI itself is only visible where the Secret is rendered (local); production
		// creates it out of band.
		Optional<Secret> secret = backendSecret(objects);
		if (secret.isPresent()) {
			String uri = decode(secret.get(), "MONGODB_URI");
			String hosts = uri.substring(uri.indexOf('@') + 1, uri.indexOf('/', uri.indexOf('@')));
			assertThat(hosts).isEqualTo(String.join(",", members));
			assertThat(uri.substring(uri.indexOf('?') + 1).split("&")).contains("replicaSet=rs0", "w=majority",
					"retryWrites=true", "authSource=admin");
		}
	}

	@Test
	void productionOverlayImportsTheProductionRealm() throws IOException {
		JsonNode realm = importedRealm(rendered("production"));
		assertThat(RealmChecks.production(realm)).isEmpty();
		assertThat(realm).isEqualTo(JSON.readTree(K8S.resolve("overlays/production/hromada-realm.json").toFile()));
	}

	@Test
	void localOverlayImportsTheDevRealm() throws IOException {
		JsonNode realm = importedRealm(rendered("local"));
		assertThat(realm).isEqualTo(JSON.readTree(K8S.resolve("base/keycloak/hromada-realm.json").toFile()));
	}

	@Test
	void productionOverlayHasEveryComponentIngressWithTlsAndTheProductionProfile() {
		List<HasMetadata> objects = rendered("production");
		assertThat(ManifestChecks.ofType(objects, HorizontalPodAutoscaler.class)).isNotEmpty();
		assertThat(ManifestChecks.ofType(objects, PodDisruptionBudget.class)).isNotEmpty();
		assertThat(ManifestChecks.ofType(objects, NetworkPolicy.class)).extracting((p) -> p.getMetadata().getName())
			.contains("default-deny-ingress");
		List<Ingress> ingresses = ManifestChecks.ofType(objects, Ingress.class);
		assertThat(ingresses).extracting((i) -> i.getMetadata().getName()).contains("hromada-api", "keycloak");
		for (Ingress ingress : ingresses) {
			Set<String> tlsHosts = ingress.getSpec()
				.getTls()
				.stream()
				.flatMap((tls) -> tls.getHosts().stream())
				.collect(Collectors.toSet());
			assertThat(ingress.getSpec().getRules()).extracting(IngressRule::getHost).allMatch(tlsHosts::contains);
			assertThat(ingress.getSpec().getTls()).extracting(IngressTLS::getSecretName).doesNotContainNull();
		}
		assertThat(envConfigMap(objects, "hromada-backend")).containsEntry("SPRING_PROFILES_ACTIVE", "production");
		// No Secret is rendered: production secrets never live in the repository.
		assertThat(ManifestChecks.ofType(objects, Secret.class)).isEmpty();
	}

	@Test
	void localOverlayGeneratesTheSecretsThatProductionCreatesOutOfBand() {
		Map<String, Set<String>> generated = new LinkedHashMap<>();
		for (Secret secret : ManifestChecks.ofType(rendered("local"), Secret.class)) {
			// secretGenerator appends a content hash to the name.
			String name = secret.getMetadata().getName().replaceFirst("-[a-z0-9]{10}$", "");
			generated.put(name, new TreeSet<>(secret.getData().keySet()));
		}
		Map<String, Set<String>> expected = new LinkedHashMap<>();
		outOfBandSecrets("production").forEach((name, keys) -> {
			if (!name.endsWith("-tls")) {
				expected.put(name, new TreeSet<>(keys));
			}
		});
		assertThat(generated).isEqualTo(expected);
	}

	// ---- raw files: run without kubectl
	// ---------------------------------------------------------------

	@Test
	void rawResourceFilesParseStrictlyAndPassTheStructuralChecks() throws IOException {
		List<HasMetadata> objects = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (Path file : resourceFiles()) {
			StrictKubernetesParser.Result result = PARSER.parseAll(Files.readString(file),
					ROOT.relativize(file).toString());
			objects.addAll(result.objects());
			errors.addAll(result.errors());
		}
		assertThat(errors).isEmpty();
		assertThat(objects).extracting(ManifestChecks::id)
			.contains("Deployment/hromada-backend", "StatefulSet/mongo", "Deployment/keycloak", "StatefulSet/postgres");
		assertThat(ManifestChecks.imageTags(objects)).isEmpty();
		assertThat(ManifestChecks.resources(objects)).isEmpty();
		assertThat(ManifestChecks.securityContexts(objects, WRITABLE_ROOT_FILESYSTEM)).isEmpty();
		assertThat(ManifestChecks.serviceAccountTokens(objects)).isEmpty();
		assertThat(ManifestChecks.probes(objects)).isEmpty();
		assertThat(ManifestChecks.backendProbes(objects)).isEmpty();
		assertThat(ManifestChecks.backendReplicas(objects)).isEmpty();
	}

	@Test
	void kustomizationsUseNoDeprecatedFieldsAndReferenceExistingFiles() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Path kustomization : kustomizations()) {
			Map<String, Object> content = yamlMap(kustomization);
			Path dir = kustomization.getParent();
			String where = ROOT.relativize(kustomization).toString();
			for (String deprecated : List.of("commonLabels", "bases", "patchesStrategicMerge", "patchesJson6902",
					"vars")) {
				if (content.containsKey(deprecated)) {
					violations.add(where + ": deprecated field " + deprecated);
				}
			}
			for (String path : paths(content)) {
				if (!Files.exists(dir.resolve(path))) {
					violations.add(where + ": " + path + " does not exist");
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void productionRealmHasNoDirectGrantClientAndNoDemoUsers() throws IOException {
		assertThat(
				RealmChecks.production(JSON.readTree(K8S.resolve("overlays/production/hromada-realm.json").toFile())))
			.isEmpty();
	}

	@Test
	void productionRealmIsTheBaseRealmWithOnlyTheProductionChanges() throws IOException {
		JsonNode base = JSON.readTree(K8S.resolve("base/keycloak/hromada-realm.json").toFile());
		JsonNode production = JSON.readTree(K8S.resolve("overlays/production/hromada-realm.json").toFile());
		assertThat(RealmChecks.derivedFrom(base, production)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theApplicationExposesTheProbePathsThatTheManifestsUse() throws IOException {
		Map<String, Object> application = yamlMap(ROOT.resolve("backend/src/main/resources/application.yml"));
		Map<String, Object> management = (Map<String, Object>) application.get("management");
		Map<String, Object> health = (Map<String, Object>) ((Map<String, Object>) management.get("endpoint"))
			.get("health");
		// probes.enabled exposes /actuator/health/liveness and
		// /actuator/health/readiness.
		assertThat(((Map<String, Object>) health.get("probes")).get("enabled")).isEqualTo(true);
		Map<String, Object> groups = (Map<String, Object>) health.get("group");
		assertThat(groups).containsKeys("liveness", "readiness");
		String exposed = String.valueOf(
				((Map<String, Object>) ((Map<String, Object>) management.get("endpoints")).get("web")).get("exposure"));
		assertThat(exposed).contains("health").contains("prometheus");
		assertThat(ManifestChecks.LIVENESS_PATH).isEqualTo("/actuator/health/liveness");
		assertThat(ManifestChecks.READINESS_PATH).isEqualTo("/actuator/health/readiness");
	}

	@Test
	void theReadmeDocumentsEverySecretCreatedOutOfBand() throws IOException {
		String readme = Files.readString(K8S.resolve("README.md"));
		assertThat(OUT_OF_BAND_SECRETS.get("production").keySet()).allMatch(readme::contains);
	}

	// ---- each check fails on a bad manifest
	// ---------------------------------------------------------

	/** A small manifest that passes every check; each test breaks one thing in it. */
	@Nested
	class BadManifests {

		static final String GOOD = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: hromada-backend
				spec:
				  replicas: 2
				  selector:
				    matchLabels:
				      app: demo
				  template:
				    metadata:
				      labels:
				        app: demo
				    spec:
				      automountServiceAccountToken: false
				      terminationGracePeriodSeconds: 45
				      securityContext:
				        runAsNonRoot: true
				        seccompProfile:
				          type: RuntimeDefault
				      containers:
				        - name: hromada-backend
				          image: registry.example.org:5000/demo:1.2.3
				          ports:
				            - name: http
				              containerPort: 8080
				          env:
				            - name: SETTING
				              valueFrom:
				                configMapKeyRef:
				                  name: demo-env
				                  key: SETTING
				            - name: PASSWORD
				              valueFrom:
				                secretKeyRef:
				                  name: demo-secret
				                  key: password
				          resources:
				            requests:
				              cpu: 100m
				              memory: 128Mi
				            limits:
				              cpu: 500m
				              memory: 128Mi
				          securityContext:
				            allowPrivilegeEscalation: false
				            readOnlyRootFilesystem: true
				            capabilities:
				              drop:
				                - ALL
				          startupProbe:
				            httpGet:
				              path: /actuator/health/liveness
				              port: http
				          livenessProbe:
				            httpGet:
				              path: /actuator/health/liveness
				              port: http
				          readinessProbe:
				            httpGet:
				              path: /actuator/health/readiness
				              port: 8080
				          lifecycle:
				            preStop:
				              sleep:
				                seconds: 10
				---
				apiVersion: v1
				kind: Service
				metadata:
				  name: demo
				spec:
				  selector:
				    app: demo
				  ports:
				    - name: http
				      port: 80
				      targetPort: http
				---
				apiVersion: v1
				kind: ConfigMap
				metadata:
				  name: demo-env
				data:
				  SETTING: value
				""";

		/** demo-secret is "created out of band" in these tests. */
		static final Map<String, Set<String>> OUT_OF_BAND = Map.of("demo-secret", Set.of("password"));

		@Test
		void theGoodManifestPassesEveryCheck() {
			assertThat(allViolations(parse(GOOD))).isEmpty();
		}

		@Test
		void unknownFieldIsRejected() {
			String bad = mutate(GOOD, "  replicas: 2", "  replica: 2");
			assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> parseStrictly(bad))
				.withMessageContaining("replica");
		}

		@Test
		void unknownNestedFieldIsRejected() {
			String bad = mutate(GOOD, "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");
			assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> parseStrictly(bad))
				.withMessageContaining("readOnlyRootFileSystem");
		}

		@Test
		void wrongScalarTypeIsRejected() {
			String bad = mutate(GOOD, "  replicas: 2", "  replicas: \"2\"");
			assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> parseStrictly(bad));
		}

		@Test
		void removedApiVersionIsRejected() {
			String bad = mutate(GOOD, "apiVersion: apps/v1", "apiVersion: extensions/v1beta1");
			assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> parseStrictly(bad))
				.withMessageContaining("extensions/v1beta1/Deployment");
		}

		@Test
		void duplicateKeyIsRejected() {
			String bad = mutate(GOOD, "  replicas: 2\n", "  replicas: 2\n  replicas: 3\n");
			assertThat(PARSER.parseAll(bad, "inline").errors()).isNotEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("org.hromada.deploy.ManifestTests#kinds")
		void unknownFieldIsRejectedForEveryKnownKind(String apiVersionAndKind) {
			int slash = apiVersionAndKind.lastIndexOf('/');
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("apiVersion", apiVersionAndKind.substring(0, slash));
			document.put("kind", apiVersionAndKind.substring(slash + 1));
			document.put("metadata", new LinkedHashMap<>(Map.of("name", "x", "label", "typo")));
			assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> PARSER.parse(document))
				.withMessageContaining("label");
		}

		@Test
		void latestTagIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "demo:1.2.3", "demo:latest"));
			assertThat(ManifestChecks.imageTags(bad)).singleElement().asString().contains("latest");
		}

		@Test
		void aBackendImageOtherThanTheBuildsIsRejected() {
			List<HasMetadata> good = parse(GOOD);
			assertThat(ManifestChecks.backendImage(good, "registry.example.org:5000/demo:1.2.3")).isEmpty();
			assertThat(ManifestChecks.backendImage(good, "ghcr.io/hromada/hromada-backend:0.1.0")).singleElement()
				.asString()
				.contains("the build names ghcr.io/hromada/hromada-backend:0.1.0");
		}

		@Test
		void missingTagIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "demo:1.2.3", "demo"));
			assertThat(ManifestChecks.imageTags(bad)).singleElement().asString().contains("no tag");
		}

		@Test
		void serviceSelectorMatchingNoPodIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "  selector:\n    app: demo", "  selector:\n    app: dmeo"));
			assertThat(ManifestChecks.selectors(bad)).singleElement().asString().contains("Service/demo");
		}

		@Test
		void deploymentSelectorNotMatchingItsTemplateIsRejected() {
			List<HasMetadata> bad = parse(
					mutate(GOOD, "    matchLabels:\n      app: demo", "    matchLabels:\n      app: other"));
			assertThat(ManifestChecks.selectors(bad))
				.anySatisfy((v) -> assertThat(v).contains("Deployment/hromada-backend"));
		}

		@Test
		void targetPortThatIsNoContainerPortIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "targetPort: http", "targetPort: htpp"));
			assertThat(ManifestChecks.serviceTargetPorts(bad)).singleElement().asString().contains("htpp");
		}

		@Test
		void missingConfigMapKeyIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "key: SETTING", "key: SETTINGS"));
			assertThat(ManifestChecks.configReferences(bad, OUT_OF_BAND)).singleElement()
				.asString()
				.contains("has no key SETTINGS");
		}

		@Test
		void secretNeitherRenderedNorCreatedOutOfBandIsRejected() {
			assertThat(ManifestChecks.configReferences(parse(GOOD), Map.of())).singleElement()
				.asString()
				.contains("Secret demo-secret does not exist");
		}

		@Test
		void missingHardeningIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "            allowPrivilegeEscalation: false\n", ""));
			assertThat(ManifestChecks.securityContexts(bad, Set.of())).singleElement()
				.asString()
				.contains("allowPrivilegeEscalation");
		}

		@Test
		void writableRootFilesystemIsRejectedUnlessAllowed() {
			List<HasMetadata> bad = parse(
					mutate(GOOD, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"));
			assertThat(ManifestChecks.securityContexts(bad, Set.of())).singleElement()
				.asString()
				.contains("readOnlyRootFilesystem");
			assertThat(ManifestChecks.securityContexts(bad, Set.of("Deployment/hromada-backend/hromada-backend")))
				.isEmpty();
		}

		@Test
		void missingLimitIsRejected() {
			List<HasMetadata> bad = parse(
					mutate(GOOD, "            limits:\n              cpu: 500m\n", "            limits:\n"));
			assertThat(ManifestChecks.resources(bad)).singleElement().asString().contains("no cpu limit");
		}

		@Test
		void wrongBackendProbePathIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "/actuator/health/readiness", "/actuator/health"));
			assertThat(ManifestChecks.backendProbes(bad)).singleElement().asString().contains("readinessProbe");
		}

		@Test
		void singleBackendReplicaIsRejected() {
			List<HasMetadata> bad = parse(mutate(GOOD, "  replicas: 2", "  replicas: 1"));
			assertThat(ManifestChecks.backendReplicas(bad)).singleElement().asString().contains("replicas 1");
		}

		@Test
		void mountedServiceAccountTokenIsRejected() {
			List<HasMetadata> bad = parse(
					mutate(GOOD, "automountServiceAccountToken: false", "automountServiceAccountToken: true"));
			assertThat(ManifestChecks.serviceAccountTokens(bad)).singleElement().asString().contains("automount");
		}

		@Test
		void devRealmFailsTheProductionRealmChecks() throws IOException {
			List<String> violations = RealmChecks
				.production(JSON.readTree(K8S.resolve("base/keycloak/hromada-realm.json").toFile()));
			assertThat(violations)
				.anySatisfy((v) -> assertThat(v).contains("hromada-dev has directAccessGrantsEnabled=true"))
				.anySatisfy((v) -> assertThat(v).contains("user coordinator.kyiv is not a service account"))
				.anySatisfy((v) -> assertThat(v).contains("client hromada-backend has a literal secret"))
				.anySatisfy((v) -> assertThat(v).contains("http://localhost:8080/app/*"));
		}

		@Test
		void productionRealmThatDriftedFromTheBaseRealmIsRejected() throws IOException {
			JsonNode base = JSON.readTree(K8S.resolve("base/keycloak/hromada-realm.json").toFile());
			ObjectNode drifted = (ObjectNode) JSON
				.readTree(K8S.resolve("overlays/production/hromada-realm.json").toFile());
			drifted.put("accessTokenLifespan", 3600);
			assertThat(RealmChecks.derivedFrom(base, drifted)).contains(
					"production realm differs from the base realm: $.accessTokenLifespan: expected 300 but was 3600");
			drifted.withArrayProperty("users").addObject().put("username", "demo");
			assertThat(RealmChecks.derivedFrom(base, drifted)).contains(
					"production realm differs from the base realm: $.users[username=demo] is only in the production realm");
		}

		@Test
		void directGrantClientInTheProductionRealmIsRejected() throws IOException {
			ObjectNode realm = (ObjectNode) JSON
				.readTree(K8S.resolve("overlays/production/hromada-realm.json").toFile());
			((ObjectNode) realm.path("clients").get(0)).put("directAccessGrantsEnabled", true);
			assertThat(RealmChecks.production(realm))
				.anySatisfy((v) -> assertThat(v).contains("directAccessGrantsEnabled=true"));
		}

		private List<String> allViolations(List<HasMetadata> objects) {
			List<String> violations = new ArrayList<>();
			violations.addAll(ManifestChecks.uniqueNames(objects));
			violations.addAll(ManifestChecks.selectors(objects));
			violations.addAll(ManifestChecks.serviceTargetPorts(objects));
			violations.addAll(ManifestChecks.probes(objects));
			violations.addAll(ManifestChecks.backendProbes(objects));
			violations.addAll(ManifestChecks.configReferences(objects, OUT_OF_BAND));
			violations.addAll(ManifestChecks.imageTags(objects));
			violations.addAll(ManifestChecks.resources(objects));
			violations.addAll(ManifestChecks.securityContexts(objects, Set.of()));
			violations.addAll(ManifestChecks.serviceAccountTokens(objects));
			violations.addAll(ManifestChecks.backendReplicas(objects));
			return violations;
		}

	}

	static Stream<String> kinds() {
		return StrictKubernetesParser.KINDS.keySet().stream().sorted();
	}

	// ---- helpers
	// ---------------------------------------------------------------------------------------

	private static String mutate(String yaml, String from, String to) {
		assertThat(yaml.split(Pattern.quote(from), -1)).as("'%s' occurs exactly once", from).hasSize(2);
		return yaml.replace(from, to);
	}

	private static List<HasMetadata> parse(String yaml) {
		StrictKubernetesParser.Result result = PARSER.parseAll(yaml, "inline");
		assertThat(result.errors()).isEmpty();
		return result.objects();
	}

	private static void parseStrictly(String yaml) throws InvalidManifestException {
		for (Object document : StrictKubernetesParser.yaml().loadAll(yaml)) {
			PARSER.parse(document);
		}
	}

	/**
	 * The data of the ConfigMap that the workload's first container reads with envFrom.
	 */
	private static Map<String, String> envConfigMap(Collection<HasMetadata> objects, String deployment) {
		Container container = ManifestChecks.find(objects, Deployment.class, deployment)
			.orElseThrow()
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0);
		String name = container.getEnvFrom()
			.stream()
			.filter((envFrom) -> envFrom.getConfigMapRef() != null)
			.map((envFrom) -> envFrom.getConfigMapRef().getName())
			.findFirst()
			.orElseThrow();
		return ManifestChecks.find(objects, ConfigMap.class, name).orElseThrow().getData();
	}

	private static Optional<Secret> backendSecret(Collection<HasMetadata> objects) {
		Container container = ManifestChecks.find(objects, Deployment.class, ManifestChecks.BACKEND)
			.orElseThrow()
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0);
		String name = container.getEnv()
			.stream()
			.filter((env) -> env.getName().equals("MONGODB_URI"))
			.map((env) -> env.getValueFrom().getSecretKeyRef().getName())
			.findFirst()
			.orElseThrow();
		return ManifestChecks.find(objects, Secret.class, name);
	}

	private static String decode(Secret secret, String key) {
		// kustomize wraps long base64 values over several lines.
		return new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
	}

	/**
	 * The realm file in the ConfigMap that the Keycloak pods mount at
	 * /opt/keycloak/data/import.
	 */
	private static JsonNode importedRealm(Collection<HasMetadata> objects) {
		Deployment keycloak = ManifestChecks.find(objects, Deployment.class, "keycloak").orElseThrow();
		String name = keycloak.getSpec()
			.getTemplate()
			.getSpec()
			.getVolumes()
			.stream()
			.filter((volume) -> volume.getConfigMap() != null && volume.getName().equals("realm"))
			.map((volume) -> volume.getConfigMap().getName())
			.findFirst()
			.orElseThrow();
		ConfigMap configMap = ManifestChecks.find(objects, ConfigMap.class, name).orElseThrow();
		return JSON.readTree(configMap.getData().get("hromada-realm.json"));
	}

	private static List<Path> kustomizations() throws IOException {
		try (Stream<Path> files = Files.walk(K8S, FileVisitOption.FOLLOW_LINKS)) {
			return files.filter((file) -> file.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
		}
	}

	/**
	 * The YAML files listed under `resources:` of every kustomization (directories are
	 * kustomizations).
	 */
	private static List<Path> resourceFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path kustomization : kustomizations()) {
			Object resources = yamlMap(kustomization).get("resources");
			if (resources instanceof List<?> list) {
				for (Object resource : list) {
					Path path = kustomization.getParent().resolve(String.valueOf(resource)).normalize();
					if (Files.isRegularFile(path)) {
						files.add(path);
					}
				}
			}
		}
		return files;
	}

	/**
	 * Every local path a kustomization refers to: resources, components, generator files
	 * and patch files.
	 */
	private static List<String> paths(Map<String, Object> kustomization) {
		List<String> paths = new ArrayList<>();
		for (String field : List.of("resources", "components")) {
			if (kustomization.get(field) instanceof List<?> list) {
				list.forEach((entry) -> paths.add(String.valueOf(entry)));
			}
		}
		for (String field : List.of("configMapGenerator", "secretGenerator")) {
			if (kustomization.get(field) instanceof List<?> generators) {
				for (Object generator : generators) {
					if (generator instanceof Map<?, ?> map && map.get("files") instanceof List<?> files) {
						files.forEach((file) -> paths.add(String.valueOf(file).replaceFirst("^[^=]*=", "")));
					}
				}
			}
		}
		if (kustomization.get("patches") instanceof List<?> patches) {
			for (Object patch : patches) {
				if (patch instanceof Map<?, ?> map && map.get("path") != null) {
					paths.add(String.valueOf(map.get("path")));
				}
			}
		}
		return paths;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yamlMap(Path file) throws IOException {
		Object content = StrictKubernetesParser.yaml().load(Files.readString(file));
		assertThat(content).as(file.toString()).isInstanceOf(Map.class);
		return (Map<String, Object>) content;
	}

}
