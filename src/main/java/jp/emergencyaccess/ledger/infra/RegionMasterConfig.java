package jp.emergencyaccess.ledger.infra;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.common.RegionMaster;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The municipality master from {@code ledger.regions.masters}: one or more CSV files, by default
 * the one the ledger ships (docs/activation.md).
 */
@Configuration(proxyBeanMethods = false)
class RegionMasterConfig {
  @Bean
  RegionMaster regionMaster(
      @Value("${ledger.regions.masters:classpath:" + RegionMaster.SHIPPED + "}")
          List<Resource> files)
      throws IOException {
    List<InputStream> streams = new ArrayList<>();
    for (Resource file : files) {
      streams.add(file.getInputStream());
    }
    return RegionMaster.read(streams);
  }
}
