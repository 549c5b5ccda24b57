package ru.msp.indicators.fact;

import java.util.List;
import ru.msp.support.tenancy.TenantOwned;

/** A fact document: versioned, with the counter deltas of its latest changes waiting in it. */
public interface FactDocument<F extends FactDocument<F>> extends TenantOwned {

    String id();

    long version();

    List<DeltaBatch> pending();

    /** The same facts with other bookkeeping: facts are compared without it. */
    F withBookkeeping(long version, List<DeltaBatch> pending);
}
