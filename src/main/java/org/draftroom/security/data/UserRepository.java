package org.draftroom.security.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.draftroom.security.domain.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, their roles and working-group memberships in PostgreSQL. Callers hold the transaction. */
@Repository
public class UserRepository {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.email, u.enabled, u.locale, u.organisation_id,
                   u.password_change_required, u.created_at, u.organisation_contact,
                   coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') as roles,
                   coalesce((select string_agg(m.working_group_id::text, ',') from wg_membership m
                             where m.user_id = u.id), '') as wgs
            from app_user u
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored credentials of a user, for sign-in only. */
    public record Credentials(long id, String username, String passwordHash, boolean enabled, Set<Role> roles) {
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("""
                        select u.id, u.username, u.password_hash, u.enabled,
                               coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') roles
                        from app_user u where lower(u.username) = lower(:username)""")
                .param("username", username)
                .query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), roles(rs.getString("roles"))))
                .optional();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).optional();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(UserRepository::map).optional();
    }

    /**
     * The enabled user with this id, their roles, organisation code and working groups' codes in one statement: every
     * service call asks this (a live sync several times a second per editor), so it is one round trip, not 2 + groups.
     */
    public Optional<CurrentUser> findSignedIn(long id) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.email, u.organisation_id,
                               (select o.code from organisation o where o.id = u.organisation_id) as org_code,
                               coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') roles,
                               coalesce((select string_agg(g.code, ',') from wg_membership m
                                         join working_group g on g.id = m.working_group_id
                                         where m.user_id = u.id), '') wgs
                        from app_user u where u.id = :id and u.enabled""")
                .param("id", id)
                .query((rs, n) -> new CurrentUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), roles(rs.getString("roles")),
                        rs.getObject("organisation_id", Long.class), rs.getString("org_code"),
                        codes(rs.getString("wgs"))))
                .optional();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql(SELECT + " where lower(u.username) = lower(:username)").param("username", username)
                .query(UserRepository::map).optional();
    }

    public boolean usernameExists(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(:u)").param("u", username)
                .query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /** Users whose username or display name contains the filter (case-insensitive), ordered by username. */
    public List<User> find(String filter, int offset, int limit) {
        return jdbc.sql(SELECT + " where (:f = '' or lower(u.username) like :like or lower(u.display_name) like :like)"
                        + " order by lower(u.username) offset :offset limit :limit")
                .param("f", filter).param("like", like(filter)).param("offset", offset).param("limit", limit)
                .query(UserRepository::map).list();
    }

    public long countMatching(String filter) {
        return jdbc.sql("select count(*) from app_user u where (:f = '' or lower(u.username) like :like"
                        + " or lower(u.display_name) like :like)")
                .param("f", filter).param("like", like(filter)).query(Long.class).single();
    }

    public long insert(String username, String displayName, String email, String passwordHash, Long organisationId,
                       boolean passwordChangeRequired, Instant now) {
        return jdbc.sql("""
                        insert into app_user (username, display_name, email, password_hash, organisation_id,
                                              password_change_required, created_at, updated_at)
                        values (:username, :displayName, :email, :hash, :org, :pcr, :now, :now) returning id""")
                .param("username", username).param("displayName", displayName).param("email", email)
                .param("hash", passwordHash).param("org", organisationId).param("pcr", passwordChangeRequired)
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public void update(long id, String displayName, String email, Long organisationId, Instant now) {
        jdbc.sql("update app_user set display_name = :dn, email = :email, organisation_id = :org, updated_at = :now"
                        + " where id = :id")
                .param("dn", displayName).param("email", email).param("org", organisationId)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void replaceRoles(long id, Collection<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    public void replaceWorkingGroups(long id, Collection<Long> workingGroupIds) {
        jdbc.sql("delete from wg_membership where user_id = :id").param("id", id).update();
        for (Long wg : workingGroupIds) {
            jdbc.sql("insert into wg_membership (user_id, working_group_id) values (:id, :wg)")
                    .param("id", id).param("wg", wg).update();
        }
    }

    public void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update app_user set enabled = :e, updated_at = :now where id = :id")
                .param("e", enabled).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void setPassword(long id, String hash, boolean changeRequired, Instant now) {
        jdbc.sql("update app_user set password_hash = :h, password_change_required = :pcr, updated_at = :now"
                        + " where id = :id")
                .param("h", hash).param("pcr", changeRequired).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** Makes the person the contact of their organisation (who may invite members), or not. */
    public void setOrganisationContact(long id, boolean contact) {
        jdbc.sql("update app_user set organisation_contact = :c where id = :id").param("c", contact).param("id", id)
                .update();
    }

    /** Moves the person into an organisation granted to them; they are no one's contact there yet. */
    public void joinOrganisation(long id, long organisationId, Instant now) {
        jdbc.sql("update app_user set organisation_id = :o, organisation_contact = false, updated_at = :now"
                        + " where id = :id")
                .param("o", organisationId).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void setLocale(long id, String locale) {
        jdbc.sql("update app_user set locale = :l where id = :id").param("l", locale).param("id", id).update();
    }

    /** How many enabled users hold the role; used to keep at least one administrator. */
    public long countEnabledWithRole(Role role) {
        return jdbc.sql("select count(*) from app_user u join user_role r on r.user_id = u.id"
                        + " where u.enabled and r.role = :role")
                .param("role", role.name()).query(Long.class).single();
    }

    /** The display names of those of these users that exist. */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, display_name from app_user where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /**
     * The ids of the enabled users holding the role, of these organisations ({@code organisationIds} null: of any
     * organisation or none).
     */
    public List<Long> enabledWithRole(Role role, Collection<Long> organisationIds) {
        if (organisationIds != null && organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select u.id from app_user u join user_role r on r.user_id = u.id and r.role = :role"
                        + " where u.enabled" + (organisationIds == null ? "" : " and u.organisation_id in (:orgs)")
                        + " order by u.id")
                .param("role", role.name()).param("orgs", organisationIds == null ? List.of(-1L) : organisationIds)
                .query(Long.class).list();
    }

    /** The enabled members of a working group (code, case-insensitive) holding the role, by display name. */
    public List<User> enabledMembersWithRole(String workingGroupCode, Role role) {
        return jdbc.sql(SELECT + """
                        where u.enabled
                          and exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)
                          and exists (select 1 from wg_membership m join working_group w on w.id = m.working_group_id
                                      where m.user_id = u.id and upper(w.code) = upper(:wg))
                        order by u.display_name""")
                .param("role", role.name()).param("wg", workingGroupCode).query(UserRepository::map).list();
    }

    public long countInOrganisation(long organisationId) {
        return jdbc.sql("select count(*) from app_user where organisation_id = :o").param("o", organisationId)
                .query(Long.class).single();
    }

    public long countInWorkingGroup(long workingGroupId) {
        return jdbc.sql("select count(*) from wg_membership where working_group_id = :w").param("w", workingGroupId)
                .query(Long.class).single();
    }

    private static String like(String filter) {
        return "%" + filter.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static User map(ResultSet rs, int n) throws SQLException {
        Long org = rs.getObject("organisation_id", Long.class);
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getBoolean("enabled"), rs.getString("locale"),
                org, roles(rs.getString("roles")), ids(rs.getString("wgs")),
                rs.getBoolean("password_change_required"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("organisation_contact"));
    }

    private static Set<Role> roles(String csv) {
        return csv.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(csv.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Set<String> codes(String csv) {
        return csv.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(csv.split(",")));
    }

    private static Set<Long> ids(String csv) {
        return csv.isEmpty() ? new HashSet<>()
                : Arrays.stream(csv.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
