package org.kpiledger.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantCodeTest {

    @Test
    void acceptsTheCodesOfRealMunicipalitiesAndPrefectures() {
        assertThat(TenantCode.isValid("131091")).as("品川区").isTrue();
        assertThat(TenantCode.isValid("011002")).as("札幌市").isTrue();
        assertThat(TenantCode.isValid("130001")).as("東京都").isTrue();
        assertThat(TenantCode.isValid("472140")).as("宮古島市").isTrue();
    }

    @Test
    void refusesAWrongCheckDigitAndAnythingButSixDigits() {
        assertThat(TenantCode.isValid("131092")).isFalse();
        assertThat(TenantCode.isValid("13109")).isFalse();
        assertThat(TenantCode.isValid("1310911")).isFalse();
        assertThat(TenantCode.isValid("13109１")).isFalse();
        assertThat(TenantCode.isValid("../etc")).isFalse();
        assertThat(TenantCode.isValid(null)).isFalse();
    }
}
