package org.draftroom.security.service;

import static org.draftroom.security.service.Checks.check;

import java.time.Clock;
import java.util.List;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.data.OrganisationRepository;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.data.WorkingGroupRepository;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.Rules;
import org.draftroom.security.domain.WorkingGroup;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's directory: organisations (with the short codes that prefix comment ids) and working groups.
 * Administrators change it; the secretariat reads it. Codes are stored upper-case and are unique.
 */
@Service
@Transactional
public class DirectoryService {

    private final OrganisationRepository organisations;
    private final WorkingGroupRepository workingGroups;
    private final UserRepository users;
    private final Clock clock;

    DirectoryService(OrganisationRepository organisations, WorkingGroupRepository workingGroups, UserRepository users,
                     Clock clock) {
        this.organisations = organisations;
        this.workingGroups = workingGroups;
        this.users = users;
        this.clock = clock;
    }

    @PreAuthorize("@access.canReadDirectory()")
    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return organisations.findAll();
    }

    /** The organisations that people are members of, without self-registered individuals' own. */
    @PreAuthorize("@access.canReadDirectory()")
    @Transactional(readOnly = true)
    public List<Organisation> memberOrganisations() {
        return organisations.findMemberOrganisations();
    }

    @PreAuthorize("@access.canReadDirectory()")
    @Transactional(readOnly = true)
    public List<WorkingGroup> workingGroups() {
        return workingGroups.findAll();
    }

    @PreAuthorize("@access.canManageDirectory()")
    public Organisation saveOrganisation(Long id, String code, String nameZh, String nameEn) {
        check("directory.code", Rules.organisationCode(code));
        validateNames(nameZh, nameEn);
        String normalised = Rules.normaliseCode(code);
        organisations.findByCode(normalised).filter(o -> id == null || o.id() != id).ifPresent(o -> {
                    throw new FieldProblemException("directory.code", "validation.code.taken", normalised);
                });
        try {
            long saved = id == null
                    ? organisations.insert(normalised, nameZh.trim(), nameEn.trim(), clock.instant())
                    : update(id, () -> organisations.update(id, normalised, nameZh.trim(), nameEn.trim()),
                    organisations.findById(id).isPresent());
            return organisations.findById(saved).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new FieldProblemException("directory.code", "validation.code.taken", normalised);
        }
    }

    @PreAuthorize("@access.canManageDirectory()")
    public WorkingGroup saveWorkingGroup(Long id, String code, String nameZh, String nameEn) {
        check("directory.code", Rules.workingGroupCode(code));
        validateNames(nameZh, nameEn);
        String normalised = Rules.normaliseCode(code);
        workingGroups.findByCode(normalised).filter(w -> id == null || w.id() != id).ifPresent(w -> {
            throw new FieldProblemException("directory.code", "validation.code.taken", normalised);
        });
        try {
            long saved = id == null
                    ? workingGroups.insert(normalised, nameZh.trim(), nameEn.trim(), clock.instant())
                    : update(id, () -> workingGroups.update(id, normalised, nameZh.trim(), nameEn.trim()),
                    workingGroups.findById(id).isPresent());
            return workingGroups.findById(saved).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new FieldProblemException("directory.code", "validation.code.taken", normalised);
        }
    }

    /** Deletes an organisation nobody belongs to; one with members is refused (move them first). */
    @PreAuthorize("@access.canManageDirectory()")
    public void deleteOrganisation(long id) {
        long members = users.countInOrganisation(id);
        if (members > 0) {
            throw new UserFacingException("directory.delete.has-members", members);
        }
        organisations.delete(id);
    }

    /** Deletes a working group nobody belongs to; one with members is refused. */
    @PreAuthorize("@access.canManageDirectory()")
    public void deleteWorkingGroup(long id) {
        long members = users.countInWorkingGroup(id);
        if (members > 0) {
            throw new UserFacingException("directory.delete.has-members", members);
        }
        workingGroups.delete(id);
    }

    private static long update(long id, Runnable update, boolean exists) {
        if (!exists) {
            throw new UserFacingException("directory.not-found");
        }
        update.run();
        return id;
    }

    private static void validateNames(String nameZh, String nameEn) {
        check("directory.name-zh", Rules.name(nameZh));
        check("directory.name-en", Rules.name(nameEn));
    }
}
