package org.hromada.architecture;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.mapping.Document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Package-by-feature boundaries: a feature reaches another only through its service and
 * API types, never through its repository or stored documents; feature packages form no
 * cycles.
 */
class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.hromada");

	@Test
	void repositoriesAndStoredDocumentsAreUsedOnlyInsideTheirFeature() {
		Set<String> features = CLASSES.stream()
			.map(JavaClass::getPackageName)
			.filter(name -> name.startsWith("org.hromada."))
			.map(name -> name.split("\\.")[2])
			.collect(Collectors.toSet());
		assertThat(features).contains("community", "activity", "security", "store", "graphql");
		for (String feature : features) {
			String featurePackage = "org.hromada." + feature;
			noClasses().that()
				.resideOutsideOfPackage(featurePackage + "..")
				.should()
				.dependOnClassesThat(DescribedPredicate
					.describe("a repository or document of " + feature, (JavaClass type) -> type.getPackageName()
						.startsWith(featurePackage)
							&& (type.getSimpleName().endsWith("Repository") || type.isAnnotatedWith(Document.class))))
				.check(CLASSES);
		}
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.hromada.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

}
