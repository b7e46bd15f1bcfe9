package vn.dvcassistant.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

@OpenAPIDefinition(info = @Info(
        title = "dvc-assistant",
        version = "1",
        description = "Trợ lý Dịch vụ công: answers citizens' questions about online public services",
        license = @License(name = "Apache-2.0")))
public class Application {
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
