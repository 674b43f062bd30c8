package org.hromada.support.indexes;

import java.util.List;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the {@link QueryShapeRecorder} to the MongoDB client of every application context
 * the tests start (registered in META-INF/spring.factories), so no test class can leave
 * its queries unchecked. The customizer is the same for every context, so it does not
 * split the context cache.
 */
public class QueryShapeRecording implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new RecordQueryShapes();
	}

	/**
	 * Registers the recorder as a command listener of the application's MongoDB client.
	 */
	private static final class RecordQueryShapes implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			MongoClientSettingsBuilderCustomizer listener = settings -> settings
				.addCommandListener(QueryShapeRecorder.INSTANCE);
			context.getBeanFactory().registerSingleton("queryShapeRecording", listener);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RecordQueryShapes;
		}

		@Override
		public int hashCode() {
			return RecordQueryShapes.class.hashCode();
		}

	}

}
