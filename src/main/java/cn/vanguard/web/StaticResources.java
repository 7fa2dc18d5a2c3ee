package cn.vanguard.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, each folder mapped on its own ({@code spring.web.resources.add-mappings=false} turns off Spring
 * Boot's mapping of everything, {@code /**}, to the static folders). With {@code /**} mapped, every link a page
 * writes ({@code @{/members/…}}) was looked up as a file on the class path in case it was one — four missing-resource
 * lookups a link, not cached (spring-framework#34014) — which took most of the time of a page with a list:
 * 60 of the 70 ms of 我的积分 at a committee's scale. Now only links under these folders are looked at.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Tabler and htmx by version-free paths (/webjars/htmx.org/dist/htmx.min.js), as webjars-locator-lite resolves them
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/");
    }
}
