package org.draftroom.security.web;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.draftroom.base.ApiError;
import org.draftroom.base.DatabaseUnavailable;
import org.draftroom.base.Messages;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.service.TokenService;
import org.draftroom.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Four filter chains: token issuing ({@code /api/v1/tokens}: HTTP Basic, to obtain a token), the REST API
 * ({@code /api/**}: bearer tokens; both API chains stateless, rate-limited, with JSON errors, never the login page),
 * Actuator (health is public, the rest needs an administrator, HTTP Basic), and the Vaadin UI (form sign-in on the
 * login view, CSRF protection kept on). Every chain that takes a password uses the one throttled
 * {@link #authenticationManager}, never a manager Spring would build by itself.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /** Answers with the status itself rather than an error dispatch, which would end on the login page. */
    private static final AuthenticationEntryPoint ACTUATOR_ENTRY_POINT = (request, response, exception) -> {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Draftroom\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> users.findCredentials(username)
                .map(c -> new DraftroomUserDetails(c.id(), c.username(), c.passwordHash(), c.enabled(), c.roles()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /**
     * Username and password sign-in, throttled ({@link LoginThrottle}). An unknown name costs a bcrypt check like a
     * known one (the provider compares with a dummy hash), and "disabled" is only reported after the password was
     * right, so neither the answer nor its timing tells a stranger whether an account exists or is disabled.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService userDetailsService, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetailsService);
        dao.setPasswordEncoder(encoder);
        dao.setPreAuthenticationChecks(user -> {
        });
        dao.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account disabled");
            }
        });
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, AuthenticationManager authenticationManager,
                                     ApiRateLimiter limiter, UserRepository users, Messages messages) throws Exception {
        return http.securityMatcher("/api/v1/tokens")
                .addFilterBefore(new ApiFailureFilter(messages), DisableEncodeUrlFilter.class)
                .authenticationManager(authenticationManager)
                .addFilterBefore(new ApiRateLimitFilter(limiter, messages), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(users, messages), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonEntryPoint(messages, "api.error.basic")))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint(messages, "api.error.basic"))
                        .accessDeniedHandler(jsonAccessDenied(messages)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, UserRepository users, LoginThrottle throttle,
                            ApiRateLimiter limiter, Messages messages) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterBefore(new ApiFailureFilter(messages), DisableEncodeUrlFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, users, throttle,
                        jsonEntryPoint(messages, "api.error.unauthorized")), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimitFilter(limiter, messages), BearerTokenFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(users, messages), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint(messages, "api.error.unauthorized"))
                        .accessDeniedHandler(jsonAccessDenied(messages)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(ACTUATOR_ENTRY_POINT))
                .exceptionHandling(e -> e.authenticationEntryPoint(ACTUATOR_ENTRY_POINT))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain vaadin(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        // Vaadin's configurer first: it sets the login page while the configurers initialise, in order. Were the form
        // login configured first, it would initialise without a login page and switch on Spring Security's generated
        // "Please sign in" page, which then hides the login view.
        return http
                .authenticationManager(authenticationManager)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"))
                .formLogin(form -> form.failureHandler(loginFailure()))
                .addFilterAfter(LoginCsrf.filter(), CsrfFilter.class)
                .build();
    }

    /** Sends the browser back to the login view with the reason, which the view shows in the user's language. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            String reason = exception instanceof LoginThrottledException ? "throttled"
                    : exception instanceof DisabledException ? "disabled" : "credentials";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    /** Answers a refused API authentication as JSON; {@code unauthorizedKey} explains how to authenticate. */
    static AuthenticationEntryPoint jsonEntryPoint(Messages messages, String unauthorizedKey) {
        return (request, response, exception) -> writeAuthError(request, response, exception, messages,
                unauthorizedKey);
    }

    private static AccessDeniedHandler jsonAccessDenied(Messages messages) {
        return (request, response, exception) -> new ApiError(403, "forbidden",
                messages.getTranslation("api.error.forbidden", locale(request))).writeTo(response);
    }

    private static void writeAuthError(HttpServletRequest request, HttpServletResponse response,
                                       AuthenticationException exception, Messages messages, String unauthorizedKey)
            throws IOException {
        if (DatabaseUnavailable.causedBy(exception)) {
            DatabaseUnavailable.writeTo(response,
                    messages.getTranslation("api.error.database-unavailable", locale(request)));
            return;
        }
        String key = exception instanceof LoginThrottledException ? "login.error.throttled"
                : exception instanceof DisabledException ? "login.error.disabled" : unauthorizedKey;
        int status = exception instanceof LoginThrottledException ? 429 : 401;
        if (exception instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds(throttled.retryAfter())));
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "api.error.basic".equals(unauthorizedKey)
                    ? "Basic realm=\"Draftroom\"" : "Bearer");
        }
        new ApiError(status, status == 429 ? "too_many_attempts" : "unauthorized",
                messages.getTranslation(key, locale(request))).writeTo(response);
    }

    /** A wait as whole seconds for {@code Retry-After}: rounded up, at least one. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    static Locale locale(HttpServletRequest request) {
        return Messages.supported(request.getLocale());
    }
}
