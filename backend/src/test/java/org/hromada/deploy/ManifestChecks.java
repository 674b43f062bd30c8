package org.hromada.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Checks on parsed Kubernetes objects. Each check returns its violations (empty: passed),
 * one readable line each, so a test can report all of them at once and a negative test
 * can assert that a bad manifest fails.
 */
final class ManifestChecks {

	static final String BACKEND = "hromada-backend";

	static final String LIVENESS_PATH = "/actuator/health/liveness";

	static final String READINESS_PATH = "/actuator/health/readiness";

	private ManifestChecks() {
	}

	/** A pod template and the workload that owns it, e.g. {@code Deployment/keycloak}. */
	record Workload(String id, HasMetadata owner, PodTemplateSpec template) {

		PodSpec pod() {
			return this.template.getSpec();
		}

		Map<String, String> labels() {
			return (this.template.getMetadata() != null && this.template.getMetadata().getLabels() != null)
					? this.template.getMetadata().getLabels() : Map.of();
		}

		List<Container> allContainers() {
			List<Container> containers = new ArrayList<>(list(pod().getInitContainers()));
			containers.addAll(list(pod().getContainers()));
			return containers;
		}

		boolean isLongRunning() {
			return !(this.owner instanceof Job);
		}

	}

	static List<Workload> workloads(Collection<HasMetadata> objects) {
		List<Workload> workloads = new ArrayList<>();
		for (HasMetadata object : objects) {
			PodTemplateSpec template = null;
			if (object instanceof Deployment deployment && deployment.getSpec() != null) {
				template = deployment.getSpec().getTemplate();
			}
			else if (object instanceof StatefulSet statefulSet && statefulSet.getSpec() != null) {
				template = statefulSet.getSpec().getTemplate();
			}
			else if (object instanceof Job job && job.getSpec() != null) {
				template = job.getSpec().getTemplate();
			}
			if (template != null && template.getSpec() != null) {
				workloads.add(new Workload(id(object), object, template));
			}
		}
		return workloads;
	}

	// ---- selectors
	// ---------------------------------------------------------------------------------

	/**
	 * Selectors of Deployments, StatefulSets, Services, PDBs and NetworkPolicies select
	 * pods of some workload; HPAs, StatefulSet service names and Ingress backends point
	 * at objects that exist.
	 */
	static List<String> selectors(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		List<Workload> workloads = workloads(objects);
		for (HasMetadata object : objects) {
			String id = id(object);
			if (object instanceof Deployment deployment) {
				ownSelector(id, deployment.getSpec().getSelector(), deployment.getSpec().getTemplate(), violations);
			}
			else if (object instanceof StatefulSet statefulSet) {
				ownSelector(id, statefulSet.getSpec().getSelector(), statefulSet.getSpec().getTemplate(), violations);
				String serviceName = statefulSet.getSpec().getServiceName();
				Optional<Service> service = find(objects, Service.class, serviceName);
				if (service.isEmpty() || !"None".equals(service.get().getSpec().getClusterIP())) {
					violations.add(id + ": serviceName " + serviceName + " is not a headless Service");
				}
			}
			else if (object instanceof Service service) {
				Map<String, String> selector = service.getSpec().getSelector();
				if (selector == null || selector.isEmpty()) {
					violations.add(id + ": no selector");
				}
				else if (workloads.stream()
					.noneMatch((workload) -> workload.labels().entrySet().containsAll(selector.entrySet()))) {
					violations.add(id + ": selector " + selector + " matches no pod template");
				}
			}
			else if (object instanceof PodDisruptionBudget pdb) {
				mustSelectSomePods(id + " selector", pdb.getSpec().getSelector(), false, workloads, violations);
			}
			else if (object instanceof NetworkPolicy policy) {
				mustSelectSomePods(id + " podSelector", policy.getSpec().getPodSelector(), true, workloads, violations);
				List<NetworkPolicyPeer> peers = new ArrayList<>();
				list(policy.getSpec().getIngress()).forEach((rule) -> peers.addAll(list(rule.getFrom())));
				list(policy.getSpec().getEgress()).forEach((rule) -> peers.addAll(list(rule.getTo())));
				for (NetworkPolicyPeer peer : peers) {
					// Peers in other namespaces (namespaceSelector) are outside these
					// manifests.
					if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
						mustSelectSomePods(id + " peer podSelector", peer.getPodSelector(), true, workloads,
								violations);
					}
				}
			}
			else if (object instanceof HorizontalPodAutoscaler hpa) {
				var target = hpa.getSpec().getScaleTargetRef();
				boolean exists = objects.stream()
					.anyMatch((o) -> o.getKind().equals(target.getKind())
							&& o.getMetadata().getName().equals(target.getName()));
				if (!exists) {
					violations
						.add(id + ": scaleTargetRef " + target.getKind() + "/" + target.getName() + " does not exist");
				}
			}
			else if (object instanceof Ingress ingress) {
				for (IngressRule rule : list(ingress.getSpec().getRules())) {
					for (HTTPIngressPath path : list(rule.getHttp().getPaths())) {
						ingressBackend(id + " " + rule.getHost() + path.getPath(), path.getBackend().getService(),
								objects, violations);
					}
				}
			}
		}
		return violations;
	}

	private static void ownSelector(String id, LabelSelector selector, PodTemplateSpec template,
			List<String> violations) {
		if (selector == null || isEmpty(selector)) {
			violations.add(id + ": empty selector");
			return;
		}
		Map<String, String> labels = (template.getMetadata() != null) ? template.getMetadata().getLabels() : null;
		if (!matches(selector, (labels != null) ? labels : Map.of())) {
			violations
				.add(id + ": selector " + describe(selector) + " does not match its pod template labels " + labels);
		}
	}

	private static void mustSelectSomePods(String what, LabelSelector selector, boolean emptyMeansAll,
			List<Workload> workloads, List<String> violations) {
		if (selector == null || isEmpty(selector)) {
			if (!emptyMeansAll) {
				violations.add(what + " is empty");
			}
			return;
		}
		if (workloads.stream().noneMatch((workload) -> matches(selector, workload.labels()))) {
			violations.add(what + " " + describe(selector) + " matches no pod template");
		}
	}

	private static void ingressBackend(String what, IngressServiceBackend backend, Collection<HasMetadata> objects,
			List<String> violations) {
		if (backend == null) {
			violations.add(what + ": no service backend");
			return;
		}
		Optional<Service> service = find(objects, Service.class, backend.getName());
		if (service.isEmpty()) {
			violations.add(what + ": Service " + backend.getName() + " does not exist");
			return;
		}
		boolean portExists = list(service.get().getSpec().getPorts()).stream()
			.anyMatch(
					(port) -> (backend.getPort().getName() != null) ? backend.getPort().getName().equals(port.getName())
							: Objects.equals(backend.getPort().getNumber(), port.getPort()));
		if (!portExists) {
			violations.add(what + ": Service " + backend.getName() + " has no port " + backend.getPort());
		}
	}

	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
			return false;
		}
		for (LabelSelectorRequirement requirement : list(selector.getMatchExpressions())) {
			String value = labels.get(requirement.getKey());
			List<String> values = list(requirement.getValues());
			boolean ok = switch (requirement.getOperator()) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> false;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static boolean isEmpty(LabelSelector selector) {
		return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
				&& list(selector.getMatchExpressions()).isEmpty();
	}

	private static String describe(LabelSelector selector) {
		return (list(selector.getMatchExpressions()).isEmpty()) ? String.valueOf(selector.getMatchLabels())
				: selector.getMatchLabels() + " " + selector.getMatchExpressions();
	}

	// ---- ports and probes
	// --------------------------------------------------------------------------

	/**
	 * Every Service port targets a container port (by number or by name) of every
	 * workload it selects.
	 */
	static List<String> serviceTargetPorts(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		List<Workload> workloads = workloads(objects);
		for (Service service : ofType(objects, Service.class)) {
			Map<String, String> selector = service.getSpec().getSelector();
			if (selector == null || selector.isEmpty()) {
				continue;
			}
			List<Workload> selected = workloads.stream()
				.filter((workload) -> workload.labels().entrySet().containsAll(selector.entrySet()))
				.toList();
			for (ServicePort port : list(service.getSpec().getPorts())) {
				IntOrString target = (port.getTargetPort() != null) ? port.getTargetPort()
						: new IntOrString(port.getPort());
				for (Workload workload : selected) {
					if (!declaresPort(workload, target)) {
						violations.add(id(service) + " port " + port.getPort() + ": targetPort " + show(target)
								+ " is not a container port of " + workload.id());
					}
				}
			}
		}
		return violations;
	}

	/**
	 * Probes of long-running containers exist (liveness and readiness) and target
	 * declared container ports.
	 */
	static List<String> probes(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		for (Workload workload : workloads(objects)) {
			for (Container container : list(workload.pod().getContainers())) {
				String where = workload.id() + " container " + container.getName();
				if (workload.isLongRunning()) {
					if (container.getLivenessProbe() == null) {
						violations.add(where + ": no livenessProbe");
					}
					if (container.getReadinessProbe() == null) {
						violations.add(where + ": no readinessProbe");
					}
				}
				for (Probe probe : Stream
					.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
					.filter(Objects::nonNull)
					.toList()) {
					IntOrString port = (probe.getHttpGet() != null) ? probe.getHttpGet().getPort()
							: (probe.getTcpSocket() != null) ? probe.getTcpSocket().getPort() : null;
					if (port != null && !declaresPort(List.of(container), port)) {
						violations.add(where + ": probe port " + show(port) + " is not a port of the container");
					}
				}
			}
		}
		return violations;
	}

	/**
	 * The backend probes the Spring Boot probe groups: liveness {@value #LIVENESS_PATH}
	 * (also as startup probe) and readiness {@value #READINESS_PATH}; it sleeps in
	 * preStop and has time for the graceful shutdown.
	 */
	static List<String> backendProbes(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		Optional<Deployment> deployment = find(objects, Deployment.class, BACKEND);
		if (deployment.isEmpty()) {
			return List.of("Deployment/" + BACKEND + " is missing");
		}
		Optional<Container> found = list(deployment.get().getSpec().getTemplate().getSpec().getContainers()).stream()
			.filter((c) -> BACKEND.equals(c.getName()))
			.findFirst();
		if (found.isEmpty()) {
			return List.of("Deployment/" + BACKEND + " has no container " + BACKEND);
		}
		Container container = found.get();
		httpProbePath("livenessProbe", container.getLivenessProbe(), LIVENESS_PATH, violations);
		httpProbePath("readinessProbe", container.getReadinessProbe(), READINESS_PATH, violations);
		httpProbePath("startupProbe", container.getStartupProbe(), LIVENESS_PATH, violations);
		boolean sleeps = container.getLifecycle() != null && container.getLifecycle().getPreStop() != null
				&& container.getLifecycle().getPreStop().getSleep() != null
				&& container.getLifecycle().getPreStop().getSleep().getSeconds() != null
				&& container.getLifecycle().getPreStop().getSleep().getSeconds() > 0;
		if (!sleeps) {
			violations.add(BACKEND + ": no preStop sleep action");
		}
		Long grace = deployment.get().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
		if (grace == null || grace < 35) {
			violations.add(BACKEND + ": terminationGracePeriodSeconds " + grace
					+ " is shorter than the preStop sleep plus the 25 s shutdown phase");
		}
		return violations;
	}

	private static void httpProbePath(String name, Probe probe, String path, List<String> violations) {
		if (probe == null || probe.getHttpGet() == null) {
			violations.add(BACKEND + ": " + name + " is not an httpGet probe");
		}
		else if (!path.equals(probe.getHttpGet().getPath())) {
			violations.add(BACKEND + ": " + name + " path is " + probe.getHttpGet().getPath() + ", expected " + path);
		}
	}

	private static boolean declaresPort(Workload workload, IntOrString port) {
		return declaresPort(list(workload.pod().getContainers()), port);
	}

	private static boolean declaresPort(List<Container> containers, IntOrString port) {
		for (Container container : containers) {
			for (ContainerPort declared : list(container.getPorts())) {
				if (port.getIntVal() != null && port.getIntVal().equals(declared.getContainerPort())) {
					return true;
				}
				if (port.getStrVal() != null && port.getStrVal().equals(declared.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	private static String show(IntOrString value) {
		return (value.getIntVal() != null) ? value.getIntVal().toString() : "'" + value.getStrVal() + "'";
	}

	// ---- references to ConfigMaps and Secrets
	// --------------------------------------------------------

	/**
	 * Every ConfigMap and Secret key referenced by env valueFrom, envFrom, volumes (and
	 * Ingress TLS) exists in a rendered object, or, for Secrets only, in
	 * {@code outOfBandSecrets} (name to keys). A reference marked optional may point at a
	 * missing object, but not at a missing key of an existing one.
	 */
	static List<String> configReferences(Collection<HasMetadata> objects, Map<String, Set<String>> outOfBandSecrets) {
		List<String> violations = new ArrayList<>();
		Map<String, Set<String>> configMaps = new HashMap<>();
		for (ConfigMap configMap : ofType(objects, ConfigMap.class)) {
			Set<String> keys = new HashSet<>();
			keys.addAll(keys(configMap.getData()));
			keys.addAll(keys(configMap.getBinaryData()));
			configMaps.put(configMap.getMetadata().getName(), keys);
		}
		Map<String, Set<String>> secrets = new HashMap<>();
		for (Secret secret : ofType(objects, Secret.class)) {
			Set<String> keys = new HashSet<>();
			keys.addAll(keys(secret.getData()));
			keys.addAll(keys(secret.getStringData()));
			secrets.put(secret.getMetadata().getName(), keys);
		}
		for (Map.Entry<String, Set<String>> outOfBand : outOfBandSecrets.entrySet()) {
			if (secrets.containsKey(outOfBand.getKey())) {
				violations.add("Secret " + outOfBand.getKey()
						+ " is rendered but also listed as created out of band: remove it from one of them");
			}
			secrets.put(outOfBand.getKey(), outOfBand.getValue());
		}
		Set<String> serviceAccounts = new HashSet<>(Set.of("default"));
		ofType(objects, ServiceAccount.class).forEach((sa) -> serviceAccounts.add(sa.getMetadata().getName()));

		for (Workload workload : workloads(objects)) {
			String serviceAccount = workload.pod().getServiceAccountName();
			if (serviceAccount != null && !serviceAccounts.contains(serviceAccount)) {
				violations.add(workload.id() + ": ServiceAccount " + serviceAccount + " does not exist");
			}
			for (Container container : workload.allContainers()) {
				String where = workload.id() + " container " + container.getName();
				for (EnvVar env : list(container.getEnv())) {
					if (env.getValueFrom() == null) {
						continue;
					}
					var configMapKey = env.getValueFrom().getConfigMapKeyRef();
					if (configMapKey != null) {
						key(where + " env " + env.getName(), "ConfigMap", configMaps, configMapKey.getName(),
								configMapKey.getKey(), configMapKey.getOptional(), violations);
					}
					var secretKey = env.getValueFrom().getSecretKeyRef();
					if (secretKey != null) {
						key(where + " env " + env.getName(), "Secret", secrets, secretKey.getName(), secretKey.getKey(),
								secretKey.getOptional(), violations);
					}
				}
				for (EnvFromSource envFrom : list(container.getEnvFrom())) {
					if (envFrom.getConfigMapRef() != null) {
						object(where + " envFrom", "ConfigMap", configMaps, envFrom.getConfigMapRef().getName(),
								envFrom.getConfigMapRef().getOptional(), violations);
					}
					if (envFrom.getSecretRef() != null) {
						object(where + " envFrom", "Secret", secrets, envFrom.getSecretRef().getName(),
								envFrom.getSecretRef().getOptional(), violations);
					}
				}
			}
			for (Volume volume : list(workload.pod().getVolumes())) {
				String where = workload.id() + " volume " + volume.getName();
				if (volume.getConfigMap() != null) {
					items(where, "ConfigMap", configMaps, volume.getConfigMap().getName(),
							volume.getConfigMap().getItems(), volume.getConfigMap().getOptional(), violations);
				}
				if (volume.getSecret() != null) {
					items(where, "Secret", secrets, volume.getSecret().getSecretName(), volume.getSecret().getItems(),
							volume.getSecret().getOptional(), violations);
				}
				if (volume.getProjected() != null) {
					for (VolumeProjection source : list(volume.getProjected().getSources())) {
						if (source.getConfigMap() != null) {
							items(where, "ConfigMap", configMaps, source.getConfigMap().getName(),
									source.getConfigMap().getItems(), source.getConfigMap().getOptional(), violations);
						}
						if (source.getSecret() != null) {
							items(where, "Secret", secrets, source.getSecret().getName(), source.getSecret().getItems(),
									source.getSecret().getOptional(), violations);
						}
					}
				}
			}
		}
		for (Ingress ingress : ofType(objects, Ingress.class)) {
			for (IngressTLS tls : list(ingress.getSpec().getTls())) {
				key(id(ingress) + " tls", "Secret", secrets, tls.getSecretName(), "tls.crt", false, violations);
				key(id(ingress) + " tls", "Secret", secrets, tls.getSecretName(), "tls.key", false, violations);
			}
		}
		return violations;
	}

	private static void items(String where, String kind, Map<String, Set<String>> available, String name,
			List<KeyToPath> items, Boolean optional, List<String> violations) {
		if (!object(where, kind, available, name, optional, violations)) {
			return;
		}
		for (KeyToPath item : list(items)) {
			key(where, kind, available, name, item.getKey(), optional, violations);
		}
	}

	private static boolean object(String where, String kind, Map<String, Set<String>> available, String name,
			Boolean optional, List<String> violations) {
		if (available.containsKey(name)) {
			return true;
		}
		if (!Boolean.TRUE.equals(optional)) {
			violations.add(where + ": " + kind + " " + name + " does not exist");
		}
		return false;
	}

	private static void key(String where, String kind, Map<String, Set<String>> available, String name, String key,
			Boolean optional, List<String> violations) {
		if (object(where, kind, available, name, optional, violations) && !available.get(name).contains(key)) {
			violations.add(where + ": " + kind + " " + name + " has no key " + key);
		}
	}

	// ---- images, resources, security
	// ---------------------------------------------------------------

	/** Every image has a tag (or a digest), and the tag is not {@code latest}. */
	static List<String> imageTags(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		for (Workload workload : workloads(objects)) {
			for (Container container : workload.allContainers()) {
				String problem = imageProblem(container.getImage());
				if (problem != null) {
					violations.add(workload.id() + " container " + container.getName() + ": " + problem);
				}
			}
		}
		return violations;
	}

	static String imageProblem(String image) {
		if (image == null || image.isBlank()) {
			return "no image";
		}
		if (image.contains("@sha256:")) {
			return null;
		}
		String lastSegment = image.substring(image.lastIndexOf('/') + 1);
		int colon = lastSegment.indexOf(':');
		if (colon < 0) {
			return "image " + image + " has no tag (means latest)";
		}
		String tag = lastSegment.substring(colon + 1);
		if (tag.isEmpty() || tag.equalsIgnoreCase("latest")) {
			return "image " + image + " uses the latest tag";
		}
		return null;
	}

	/** Every container (init containers too) has CPU and memory requests and limits. */
	static List<String> resources(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		for (Workload workload : workloads(objects)) {
			for (Container container : workload.allContainers()) {
				String where = workload.id() + " container " + container.getName();
				var resources = container.getResources();
				Map<String, Quantity> requests = (resources != null) ? resources.getRequests() : null;
				Map<String, Quantity> limits = (resources != null) ? resources.getLimits() : null;
				for (String resource : List.of("cpu", "memory")) {
					if (requests == null || !requests.containsKey(resource)) {
						violations.add(where + ": no " + resource + " request");
					}
					if (limits == null || !limits.containsKey(resource)) {
						violations.add(where + ": no " + resource + " limit");
					}
				}
			}
		}
		return violations;
	}

	/**
	 * Hardened security context on every container: non-root, no privilege escalation,
	 * not privileged, all capabilities dropped, seccomp RuntimeDefault (container or pod
	 * level), read-only root filesystem except for the containers in
	 * {@code writableRootFilesystem} ({@code Kind/name/container}).
	 */
	static List<String> securityContexts(Collection<HasMetadata> objects, Set<String> writableRootFilesystem) {
		List<String> violations = new ArrayList<>();
		for (Workload workload : workloads(objects)) {
			PodSecurityContext pod = workload.pod().getSecurityContext();
			for (Container container : workload.allContainers()) {
				String key = workload.id() + "/" + container.getName();
				String where = workload.id() + " container " + container.getName();
				SecurityContext context = container.getSecurityContext();
				if (context == null) {
					violations.add(where + ": no securityContext");
					continue;
				}
				Boolean runAsNonRoot = (context.getRunAsNonRoot() != null) ? context.getRunAsNonRoot()
						: (pod != null) ? pod.getRunAsNonRoot() : null;
				if (!Boolean.TRUE.equals(runAsNonRoot)) {
					violations.add(where + ": runAsNonRoot is not true");
				}
				Long runAsUser = (context.getRunAsUser() != null) ? context.getRunAsUser()
						: (pod != null) ? pod.getRunAsUser() : null;
				if (runAsUser != null && runAsUser == 0) {
					violations.add(where + ": runAsUser 0");
				}
				if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
					violations.add(where + ": allowPrivilegeEscalation is not false");
				}
				if (Boolean.TRUE.equals(context.getPrivileged())) {
					violations.add(where + ": privileged");
				}
				if (context.getCapabilities() == null || !list(context.getCapabilities().getDrop()).contains("ALL")) {
					violations.add(where + ": capabilities do not drop ALL");
				}
				if (context.getCapabilities() != null && !list(context.getCapabilities().getAdd()).isEmpty()) {
					violations.add(where + ": adds capabilities " + context.getCapabilities().getAdd());
				}
				String seccomp = (context.getSeccompProfile() != null) ? context.getSeccompProfile().getType()
						: (pod != null && pod.getSeccompProfile() != null) ? pod.getSeccompProfile().getType() : null;
				if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
					violations.add(where + ": seccompProfile is " + seccomp + ", not RuntimeDefault");
				}
				if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())
						&& !writableRootFilesystem.contains(key)) {
					violations.add(where + ": readOnlyRootFilesystem is not true (and " + key
							+ " is not an allowed exception)");
				}
			}
		}
		return violations;
	}

	/** No pod mounts a Kubernetes API token: none of them talks to the API server. */
	static List<String> serviceAccountTokens(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		for (Workload workload : workloads(objects)) {
			if (!Boolean.FALSE.equals(workload.pod().getAutomountServiceAccountToken())) {
				violations.add(workload.id() + ": automountServiceAccountToken is not false");
			}
		}
		for (ServiceAccount account : ofType(objects, ServiceAccount.class)) {
			if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
				violations.add(id(account) + ": automountServiceAccountToken is not false");
			}
		}
		return violations;
	}

	/** The backend runs at least 2 replicas (and an HPA on it never goes below 2). */
	static List<String> backendReplicas(Collection<HasMetadata> objects) {
		List<String> violations = new ArrayList<>();
		Optional<Deployment> deployment = find(objects, Deployment.class, BACKEND);
		if (deployment.isEmpty()) {
			return List.of("Deployment/" + BACKEND + " is missing");
		}
		Integer replicas = deployment.get().getSpec().getReplicas();
		if (replicas == null || replicas < 2) {
			violations.add("Deployment/" + BACKEND + ": replicas " + replicas + " < 2");
		}
		for (HorizontalPodAutoscaler hpa : ofType(objects, HorizontalPodAutoscaler.class)) {
			if (BACKEND.equals(hpa.getSpec().getScaleTargetRef().getName())
					&& (hpa.getSpec().getMinReplicas() == null || hpa.getSpec().getMinReplicas() < 2)) {
				violations.add(id(hpa) + ": minReplicas " + hpa.getSpec().getMinReplicas() + " < 2");
			}
		}
		return violations;
	}

	/**
	 * The backend's containers run the image the build names ({@code image.name} in
	 * backend/pom.xml, the name inside the tar of {@code ./mvnw -Pimage}), so a loaded
	 * tar is the image the pods start.
	 */
	static List<String> backendImage(Collection<HasMetadata> objects, String expected) {
		Optional<Deployment> deployment = find(objects, Deployment.class, BACKEND);
		if (deployment.isEmpty()) {
			return List.of("Deployment/" + BACKEND + " is missing");
		}
		return deployment.get()
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.stream()
			.filter((container) -> !expected.equals(container.getImage()))
			.map((container) -> "Deployment/" + BACKEND + " container " + container.getName() + ": image "
					+ container.getImage() + ", the build names " + expected)
			.toList();
	}

	/** No two objects of the same kind share a name. */
	static List<String> uniqueNames(Collection<HasMetadata> objects) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		objects.forEach((object) -> counts.merge(id(object), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 1)
			.map((e) -> e.getKey() + " is defined " + e.getValue() + " times")
			.toList();
	}

	// ---- helpers
	// -------------------------------------------------------------------------------------

	static String id(HasMetadata object) {
		return object.getKind() + "/" + object.getMetadata().getName();
	}

	static <T extends HasMetadata> List<T> ofType(Collection<HasMetadata> objects, Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	static <T extends HasMetadata> Optional<T> find(Collection<HasMetadata> objects, Class<T> type, String name) {
		return ofType(objects, type).stream().filter((o) -> o.getMetadata().getName().equals(name)).findFirst();
	}

	static <T> List<T> list(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static Set<String> keys(Map<String, ?> map) {
		return (map != null) ? map.keySet() : Set.of();
	}

}
