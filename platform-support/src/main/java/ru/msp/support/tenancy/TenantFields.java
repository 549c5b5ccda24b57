package ru.msp.support.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the document fields that hold a collection's tenant levels, so reads can be filtered by scope. An empty
 * name means the collection has no such level; the defaults fit documents with {@code regionId},
 * {@code municipalityId}, {@code organizationId}, {@code teacherId}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantFields {
    String region() default "regionId";

    String municipality() default "municipalityId";

    String organization() default "organizationId";

    String teacher() default "teacherId";
}
