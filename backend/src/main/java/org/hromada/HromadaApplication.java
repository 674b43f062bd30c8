package org.hromada;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Hromada: coordination of humanitarian aid and reconstruction in war-affected
 * communities.
 */
@SpringBootApplication
public class HromadaApplication {

	/** The one source of time, so that tests can control it. Times are UTC instants. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(HromadaApplication.class, args);
	}

}
