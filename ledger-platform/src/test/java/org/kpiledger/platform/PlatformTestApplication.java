package org.kpiledger.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
class PlatformTestApplication {
}
