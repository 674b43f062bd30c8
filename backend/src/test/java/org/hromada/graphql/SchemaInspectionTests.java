package org.hromada.graphql;

import org.hromada.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring for GraphQL's schema inspection must find every schema field served and every
 * controller method used: a field nobody serves would answer null, a controller nobody
 * calls is dead code.
 */
class SchemaInspectionTests extends IntegrationTest {

	@Autowired
	GraphQlConfiguration.SchemaInspection inspection;

	@Test
	void schemaInspectionReportIsClean() {
		assertThat(this.inspection.report()).isNotNull();
		assertThat(this.inspection.isClean()).as(this.inspection.report().toString()).isTrue();
	}

}
