package ru.msp.support.tenancy;

/** A document that belongs to a tenant. {@link ScopedMongo} checks every write of one against the caller's scope. */
public interface TenantOwned {

    TenantKey tenantKey();
}
