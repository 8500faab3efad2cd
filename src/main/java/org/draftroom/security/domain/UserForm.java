package org.draftroom.security.domain;

import java.util.HashSet;
import java.util.Set;
import org.draftroom.security.Role;

/**
 * What an administrator fills in to create or change a user (mutable, for form binding). The password is only read
 * when creating a user.
 */
public class UserForm {
    private String username = "";
    private String displayName = "";
    private String email = "";
    private String password = "";
    private Long organisationId;
    private Set<Role> roles = new HashSet<>();
    private Set<Long> workingGroupIds = new HashSet<>();
    private boolean organisationContact;

    public static UserForm of(User user) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.email = user.email() == null ? "" : user.email();
        form.organisationId = user.organisationId();
        form.roles = new HashSet<>(user.roles());
        form.workingGroupIds = new HashSet<>(user.workingGroupIds());
        form.organisationContact = user.organisationContact();
        return form;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? new HashSet<>() : new HashSet<>(roles); }
    public boolean isOrganisationContact() { return organisationContact; }
    public void setOrganisationContact(boolean contact) { this.organisationContact = contact; }
    public Set<Long> getWorkingGroupIds() { return workingGroupIds; }
    public void setWorkingGroupIds(Set<Long> ids) { this.workingGroupIds = ids == null ? new HashSet<>() : new HashSet<>(ids); }
}
