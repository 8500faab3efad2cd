package org.draftroom.security.dev;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.draftroom.security.Role;
import org.draftroom.security.data.OrganisationRepository;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.data.WorkingGroupRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts listed in the README, created on start in the {@code demo} profile when missing (existing
 * accounts are left as they are, so changes made while trying the application survive a restart).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "draftroom.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    public static final String PASSWORD = "draftroom-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private record DemoOrganisation(String code, String nameZh, String nameEn) {
    }

    private record DemoUser(String username, String displayName, String organisation, Set<Role> roles,
                            List<String> workingGroups) {
    }

    /** reviewer1 is CN-ABC's contact: they may invite colleagues to join CN-ABC. */
    private static final String CONTACT = "reviewer1";

    private static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("CN-CESI", "全国网络安全标准化技术委员会秘书处", "Secretariat of the national cybersecurity standardization committee"),
            new DemoOrganisation("CN-BCL", "北辰网络安全实验室", "Beichen Cybersecurity Laboratory"),
            new DemoOrganisation("CN-ABC", "安博信息技术有限公司", "Anbo Information Technology Co., Ltd."),
            new DemoOrganisation("CN-XYZ", "新域数据科技股份有限公司", "Xinyu Data Technology Co., Ltd."));

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "系统管理员 Admin", "CN-CESI", Set.of(Role.ADMIN), List.of()),
            new DemoUser("secretariat", "王芳 Wang Fang", "CN-CESI", Set.of(Role.SECRETARIAT), List.of()),
            new DemoUser("editor1", "张伟 Zhang Wei", "CN-BCL", Set.of(Role.EDITOR), List.of("WG1")),
            new DemoUser("editor2", "刘洋 Liu Yang", "CN-BCL", Set.of(Role.EDITOR), List.of("WG7")),
            new DemoUser("reviewer1", "陈静 Chen Jing", "CN-ABC", Set.of(Role.REVIEWER), List.of()),
            new DemoUser("reviewer2", "赵磊 Zhao Lei", "CN-XYZ", Set.of(Role.REVIEWER), List.of()));

    private final UserRepository users;
    private final OrganisationRepository organisations;
    private final WorkingGroupRepository workingGroups;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoUsers(UserRepository users, OrganisationRepository organisations, WorkingGroupRepository workingGroups,
              PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.organisations = organisations;
        this.workingGroups = workingGroups;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DemoOrganisation o : ORGANISATIONS) {
            if (organisations.findByCode(o.code()).isEmpty()) {
                organisations.insert(o.code(), o.nameZh(), o.nameEn(), clock.instant());
            }
        }
        String hash = encoder.encode(PASSWORD);
        int created = 0;
        for (DemoUser u : USERS) {
            if (users.usernameExists(u.username())) {
                continue;
            }
            long org = organisations.findByCode(u.organisation()).orElseThrow().id();
            long id = users.insert(u.username(), u.displayName(), u.username() + "@example.org", hash, org, false,
                    clock.instant());
            users.replaceRoles(id, u.roles());
            users.setOrganisationContact(id, CONTACT.equals(u.username()));
            users.replaceWorkingGroups(id, u.workingGroups().stream()
                    .map(code -> workingGroups.findByCode(code).orElseThrow().id()).toList());
            created++;
        }
        if (created > 0) {
            log.info("Demo profile: created {} demo accounts (password '{}')", created, PASSWORD);
        }
    }
}
