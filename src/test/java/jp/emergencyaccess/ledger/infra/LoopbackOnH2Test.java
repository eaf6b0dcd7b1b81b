package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The embedded default has the dev accounts (mhlw/mhlw): the server must listen on the loopback
 * interface only, so those accounts cannot be used from another machine.
 */
@OnH2
class LoopbackOnH2Test extends HttpTest {
  @Autowired Environment environment;
  @Autowired ServletWebServerApplicationContext context;

  @Test
  void withDevAccounts_theServerListensOnLoopbackOnly() throws IOException {
    assertThat(environment.getProperty("ledger.dev-accounts", Boolean.class)).isTrue();
    assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    assertThat(String.valueOf(connector.getProperty("address"))).contains("127.0.0.1");
    assertThat(mhlw().get("/api/notices").status()).isEqualTo(200);

    // Where this machine has another address (CI sandboxes may have none), nothing answers there.
    for (InetAddress other : nonLoopbackAddresses()) {
      try (Socket socket = new Socket()) {
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, port), 2000))
            .as("port %d on %s", port, other)
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(LoopbackOnH2Test::up)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .toList();
  }

  private static boolean up(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
