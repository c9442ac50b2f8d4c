package org.kpiledger.query.progress;

import org.springframework.data.jpa.repository.JpaRepository;

interface KpiProgressRepository extends JpaRepository<KpiProgress, String> {
}
