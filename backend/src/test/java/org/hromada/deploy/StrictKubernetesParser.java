package org.hromada.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Parses Kubernetes YAML into fabric8 model objects, rejecting what the API server would
 * reject.
 * <p>
 * The fabric8 model classes have an {@code additionalProperties} map behind
 * {@code @JsonAnySetter}, which silently swallows unknown fields ({@code replica: 2}
 * would parse). This parser removes the any-setter from every fabric8 bean deserializer,
 * so an unknown field at any depth fails with
 * {@link tools.jackson.databind.exc.UnrecognizedPropertyException}. Scalar coercion is
 * off too ({@code replicas: "2"} fails, as it does with kubectl), YAML duplicate keys
 * fail, and only the apiVersion/kind pairs of {@link #KINDS} are accepted (a removed API
 * such as {@code policy/v1beta1} fails).
 */
final class StrictKubernetesParser {

	/**
	 * The kinds the manifests may use. A new kind must be added here, which also puts it
	 * under the checks.
	 */
	static final Map<String, Class<? extends HasMetadata>> KINDS = kinds(Namespace.class, ServiceAccount.class,
			ConfigMap.class, Secret.class, Service.class, Deployment.class, StatefulSet.class, Job.class, Ingress.class,
			NetworkPolicy.class, PodDisruptionBudget.class, HorizontalPodAutoscaler.class);

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.addModule(new SimpleModule("strict-fabric8").setDeserializerModifier(new NoAdditionalProperties()))
		.build();

	/** Parsed objects and, for the documents that did not parse, one message each. */
	record Result(List<HasMetadata> objects, List<String> errors) {
	}

	Result parseAll(String yaml, String source) {
		List<HasMetadata> objects = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		List<Object> documents;
		try {
			documents = new ArrayList<>();
			for (Object document : yaml().loadAll(yaml)) {
				documents.add(document);
			}
		}
		catch (RuntimeException ex) {
			return new Result(objects, List.of(source + ": invalid YAML: " + ex.getMessage()));
		}
		int index = 0;
		for (Object document : documents) {
			index++;
			if (document == null) {
				continue;
			}
			try {
				objects.add(parse(document));
			}
			catch (InvalidManifestException ex) {
				errors.add(source + " (document " + index + "): " + ex.getMessage());
			}
		}
		return new Result(objects, errors);
	}

	/** Parses one document (the output of SnakeYAML for one YAML document). */
	HasMetadata parse(Object document) throws InvalidManifestException {
		if (!(document instanceof Map<?, ?> map)) {
			throw new InvalidManifestException("not a mapping");
		}
		Object apiVersion = map.get("apiVersion");
		Object kind = map.get("kind");
		Class<? extends HasMetadata> type = KINDS.get(apiVersion + "/" + kind);
		if (type == null) {
			throw new InvalidManifestException(
					"unknown apiVersion/kind " + apiVersion + "/" + kind + " (known: " + KINDS.keySet() + ")");
		}
		try {
			HasMetadata object = this.mapper.convertValue(document, type);
			if (object.getMetadata() == null || object.getMetadata().getName() == null) {
				throw new InvalidManifestException(kind + " without metadata.name");
			}
			return object;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new InvalidManifestException(kind + " " + nameOf(map) + ": " + firstLine(ex.getMessage()));
		}
	}

	/**
	 * SnakeYAML that fails on duplicate keys and builds plain maps, lists and scalars
	 * only.
	 */
	static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(new SafeConstructor(options));
	}

	private static Object nameOf(Map<?, ?> document) {
		return (document.get("metadata") instanceof Map<?, ?> metadata) ? metadata.get("name") : null;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		// Keep Jackson's reference chain (the path to the bad field), drop the source
		// location noise.
		return message.replace('\n', ' ').replaceAll("\\s+", " ");
	}

	@SafeVarargs
	private static Map<String, Class<? extends HasMetadata>> kinds(Class<? extends HasMetadata>... types) {
		Map<String, Class<? extends HasMetadata>> kinds = new LinkedHashMap<>();
		for (Class<? extends HasMetadata> type : types) {
			kinds.put(HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type), type);
		}
		return Map.copyOf(kinds);
	}

	/**
	 * Removes the {@code @JsonAnySetter} (additionalProperties) of every fabric8 model
	 * class.
	 */
	private static final class NoAdditionalProperties extends ValueDeserializerModifier {

		@Override
		public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier beanDesc,
				BeanDeserializerBuilder builder) {
			if (beanDesc.getBeanClass().getName().startsWith("io.fabric8.")) {
				builder.setAnySetter(null);
				builder.setIgnoreUnknownProperties(false);
			}
			return builder;
		}

	}

	static final class InvalidManifestException extends Exception {

		InvalidManifestException(String message) {
			super(message);
		}

	}

}
