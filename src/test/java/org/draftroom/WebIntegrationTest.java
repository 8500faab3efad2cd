package org.draftroom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application as in {@link IntegrationTest}, but served over real HTTP on a random port
 * ({@code @LocalServerPort}), and started as behind a reverse proxy ({@code server.forward-headers-strategy=native},
 * as the README describes for TLS): {@code X-Forwarded-*} headers are honoured from the loopback address, and a
 * request without them is answered as without a proxy.
 *
 * <p>Every class with this annotation and no settings of its own shares one application (Spring caches the context);
 * those with {@code @TestPropertySource(properties = "draftroom.demo.rounds=true")} share a second one. A class that
 * adds settings of its own starts another application: prefer settings a test can make at run time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles({"test", "demo"})
public @interface WebIntegrationTest {
}
