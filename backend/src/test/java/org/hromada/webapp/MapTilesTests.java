package org.hromada.webapp;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The map's tile server is a setting: OpenStreetMap's unless named, and a template the
 * Content Security Policy can name by its origin; anything else stops the start-up with
 * the setting's name.
 */
class MapTilesTests {

	@Test
	void withoutTheSettingTheMapUsesOpenStreetMapsTiles() {
		MapTiles tiles = new MapTiles(new MockEnvironment());
		assertThat(tiles.template()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
		assertThat(tiles.origin()).isEqualTo("https://tile.openstreetmap.org");
	}

	@Test
	void aTileServerOfTheInstallationIsAllowedByItsOrigin() {
		MapTiles tiles = new MapTiles(
				new MockEnvironment().withProperty(MapTiles.PROPERTY, "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"));
		assertThat(tiles.template()).isEqualTo("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png");
		assertThat(tiles.origin()).isEqualTo("http://127.0.0.1:9");
	}

	@Test
	void aTemplateWithoutTilesCoordinatesOrNotHttpIsRefusedNamingTheSetting() {
		for (String wrong : new String[] { "https://tiles.example.org/map.png", "ftp://tiles.example.org/{z}/{x}/{y}",
				"javascript:{z}{x}{y}", "https://tiles example/{z}/{x}/{y}" }) {
			assertThatIllegalStateException()
				.isThrownBy(() -> new MapTiles(new MockEnvironment().withProperty(MapTiles.PROPERTY, wrong)))
				.withMessageStartingWith("hromada.web.map-tiles");
		}
	}

}
