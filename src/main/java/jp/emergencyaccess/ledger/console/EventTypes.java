package jp.emergencyaccess.ledger.console;

import java.util.List;
import java.util.TreeSet;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The simple names of every event type, which the stream sends as each message's SSE {@code event}
 * field: a browser's EventSource delivers named events only to a listener for that name, so the
 * live panel registers one per type.
 */
@Component
class EventTypes {
  private final List<String> names;

  EventTypes() {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isConcrete();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
    var found = new TreeSet<String>();
    for (var definition : scanner.findCandidateComponents("jp.emergencyaccess.ledger")) {
      found.add(ClassUtils.getShortName(definition.getBeanClassName()));
    }
    this.names = List.copyOf(found);
  }

  List<String> names() {
    return names;
  }
}
