package org.hromada;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hromada: coordination of humanitarian aid and reconstruction in war-affected
 * communities. Scheduled jobs of every feature (expiry, priority refresh, activity
 * chaining, audit checkpoints) run on Spring Boot's task scheduler, enabled here once for
 * the whole application rather than inside one feature.
 */
@SpringBootApplication
@EnableScheduling
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
