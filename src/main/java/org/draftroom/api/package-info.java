/**
 * The REST API under {@code /api/v1}: the same operations and access rules as the UI, for integrations.
 * Authentication is by personal access token ({@code Authorization: Bearer ...}); errors are JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API")
package org.draftroom.api;
