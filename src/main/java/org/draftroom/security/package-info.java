/**
 * People, organisations, working groups, roles, sign-in, API tokens, and {@link org.draftroom.security.Access}: the
 * one place that answers "may this user do X on Y" for every other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.draftroom.security;
