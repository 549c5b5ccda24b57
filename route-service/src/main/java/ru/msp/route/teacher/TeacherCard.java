package ru.msp.route.teacher;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.support.tenancy.TenantFields;

/**
 * What route-service knows of one teacher, from every topic it consumes: facts ({@code teacher.v1}), the activities
 * attended and courses completed ({@code activities.v1}, remembered so that participation arriving before the route
 * still completes its steps) and the latest diagnosis ({@code diagnostics.v1}, for school statistics). Each part is
 * written by its own upsert and guarded by its own event time, so the parts may arrive in any order.
 *
 * @param factsTime time of the teacher event the facts come from; null while only other topics have been seen
 */
@Document(TeacherCard.COLLECTION)
// ScopedMongo.updateIfNewer guards its writes by _id and revision; the embedded store needs the exact index for that
@CompoundIndex(name = "id_rev", def = "{'_id': 1, 'rev': 1}", unique = true)
// staffOf: organizationId or lastDiagnosis.organizationId (an $or of two indexed branches)
@CompoundIndex(name = "lastDiagnosis_organizationId", def = "{'lastDiagnosis.organizationId': 1}")
@TenantFields(teacher = "_id")
public record TeacherCard(
        @Id String teacherId,
        @Indexed String regionId,
        String municipalityId,
        @Indexed String organizationId,
        TeacherFacts facts,
        boolean departed,
        Instant factsTime,
        List<Participation> attended,
        List<Participation> completedCourses,
        StaffDiagnosis lastDiagnosis,
        // ScopedMongo.REVISION, kept by updateIfNewer: declared so that Spring Data maps its guarded upsert without
        // failing (and throwing, at a cost) to resolve "rev" as a property on every write
        Long rev) {

    public static final String COLLECTION = "teacher_cards";

    public boolean mentor() {
        return facts != null
                && facts.targetGroups() != null
                && facts.targetGroups().contains(TargetGroup.MENTOR);
    }

    public List<String> subjects() {
        return facts == null || facts.subjects() == null ? List.of() : facts.subjects();
    }

    /** The school the teacher works at: from the registry once known, else from the latest diagnosis. */
    public String schoolId() {
        if (factsTime != null && organizationId != null) {
            return organizationId;
        }
        return lastDiagnosis == null ? organizationId : lastDiagnosis.organizationId();
    }

    public List<Participation> attendedOrEmpty() {
        return attended == null ? List.of() : attended;
    }

    public List<Participation> completedCoursesOrEmpty() {
        return completedCourses == null ? List.of() : completedCourses;
    }
}
