package org.hromada.community;

import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

class CommunityImportTests extends IntegrationTest {

	private static final String HEADER = "ADM3_PCODE,ADM3_EN,ADM3_UA,ADM3_RU,ADM2_PCODE,ADM2_EN,ADM2_UA,ADM1_PCODE,ADM1_EN,ADM1_UA,POPULATION,LATITUDE,LONGITUDE,ACCESS_STATUS\n";

	@Test
	void goodRowsAreImportedAndBadRowsReportedWithTheirColumns() {
		String good1 = uniquePcode();
		String good2 = uniquePcode();
		String csv = HEADER + row(good1, "\"Irpin, city\"", "100") + row("UA12", "Bad pcode", "10")
				+ row(uniquePcode(), "Bad population", "many") + row(good2, "\"Two\nlines \"\"quoted\"\"\"", "")
				+ row(good1, "Repeated", "5");

		GraphQlTester.Response response = importCsv(csv);
		response.path("importCommunities.created")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("importCommunities.failed")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("importCommunities.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("importCommunities.rows[0].outcome")
			.entity(String.class)
			.isEqualTo("CREATED")
			.path("importCommunities.rows[0].community.name.en")
			.entity(String.class)
			.isEqualTo("Irpin, city")
			.path("importCommunities.rows[1].line")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("importCommunities.rows[1].outcome")
			.entity(String.class)
			.isEqualTo("FAILED")
			.path("importCommunities.rows[1].errors[0].path")
			.entityList(String.class)
			.containsExactly("ADM3_PCODE")
			.path("importCommunities.rows[2].errors[0].path")
			.entityList(String.class)
			.containsExactly("POPULATION")
			.path("importCommunities.rows[2].errors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID")
			.path("importCommunities.rows[3].line")
			.entity(Integer.class)
			.isEqualTo(5)
			.path("importCommunities.rows[3].community.name.en")
			.entity(String.class)
			.isEqualTo("Two\nlines \"quoted\"")
			.path("importCommunities.rows[3].community.population")
			.valueIsNull()
			.path("importCommunities.rows[4].line")
			.entity(Integer.class)
			.isEqualTo(7)
			.path("importCommunities.rows[4].errors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");

		as(TestUser.ADMIN).document("{ communityByPcode(pcode: \"" + good1 + "\") { population adm2 { pcode } } }")
			.execute()
			.path("communityByPcode.population")
			.entity(Integer.class)
			.isEqualTo(100);
	}

	@Test
	void importingTheSameFileAgainChangesNothing() {
		String pcode = uniquePcode();
		String csv = HEADER + row(pcode, "Stable", "10");
		importCsv(csv).path("importCommunities.created").entity(Integer.class).isEqualTo(1);
		String id = as(TestUser.ADMIN).document("{ communityByPcode(pcode: \"" + pcode + "\") { id version } }")
			.execute()
			.path("communityByPcode.id")
			.entity(String.class)
			.get();

		importCsv(csv).path("importCommunities.unchanged")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("importCommunities.created")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("importCommunities.rows[0].community.id")
			.entity(String.class)
			.isEqualTo(id);

		importCsv(HEADER + row(pcode, "Renamed", "10")).path("importCommunities.updated")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("importCommunities.rows[0].community.id")
			.entity(String.class)
			.isEqualTo(id)
			.path("importCommunities.rows[0].community.name.en")
			.entity(String.class)
			.isEqualTo("Renamed");
	}

	@Test
	void fileWithoutRequiredColumnsIsRefusedWhole() {
		importCsv("ADM3_PCODE,ADM3_EN\n" + uniquePcode() + ",Lonely\n").path("importCommunities.rows")
			.entityList(Object.class)
			.hasSize(0)
			.path("importCommunities.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "csv")
			.path("importCommunities.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> org.assertj.core.api.Assertions.assertThat(message).contains("ADM3_UA"));
	}

	@Test
	void unclosedQuoteMakesTheFileUnreadable() {
		importCsv(HEADER + uniquePcode() + ",\"Open quote,Назва,,UA3214,B,Б,UA32,K,К,1,,,\n")
			.path("importCommunities.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> org.assertj.core.api.Assertions.assertThat(message).contains("not closed"));
	}

	private GraphQlTester.Response importCsv(String csv) {
		return as(TestUser.ADMIN).documentName("importCommunities").variable("input", Map.of("csv", csv)).execute();
	}

	private static String row(String pcode, String nameEn, String population) {
		return pcode + "," + nameEn + ",Громада,Громада,UA3214,Buchanskyi,Бучанський,UA32,Kyivska,Київська,"
				+ population + ",50.5,30.25,hard to reach\n";
	}

}
