package org.draftroom;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several applications start in one test JVM (cached test contexts, and tests that start their own). Each installs
 * its own security-context strategy in the JVM-wide {@link SecurityContextHolder}, so the last one started would
 * otherwise serve every test. Before each test, and before a class's {@code @BeforeAll} fixture (test instances per
 * class are prepared before it runs), this puts back the strategy of the application the test runs against.
 * Registered for all Spring tests in {@code META-INF/spring.factories}.
 */
public class SecurityContextPerApplication implements TestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        beforeTestMethod(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(strategy -> {
            strategy.clearContext();
            SecurityContextHolder.setContextHolderStrategy(strategy);
        });
    }
}
