package cn.vanguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The OpenAPI document and its UI are public; the document lists every resource and the bearer token scheme. */
abstract class OpenApiContract extends ApiTesting {

    @Test
    void theDocumentListsThePathsAndTheBearerSchemeWithoutAToken() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Vanguard 先锋积分 API"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].bearer").isArray())
                .andExpect(jsonPath("$.tags[*].name").value(hasItems("units", "members", "schemes", "entries", "scores")))
                .andExpect(jsonPath("$.paths['/api/v1/units'].get.tags[0]").value("units"))
                .andExpect(jsonPath("$.paths['/api/v1/units/{id}/move'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/members/{id}'].put.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/members/{id}/transfer'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/schemes'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/units/{id}/scheme'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/entries'].post.parameters[*].name").value(hasItem("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/api/v1/entries'].post.responses['409'].content['application/problem+json'].schema['$ref']")
                        .value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.paths['/api/v1/entries/{id}/approve'].post.responses['200']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/entries/{id}/reverse'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/scores'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/members/{id}/score'].get.tags[0]").value("scores"))
                .andExpect(jsonPath("$.components.schemas.Entry.properties.quantity.type").value("string"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists());
    }

    @Test
    void theDocsPageLeadsToTheUserInterfaceWithoutAToken() throws Exception {
        MvcResult docs = mvc.perform(get("/api/v1/docs")).andExpect(status().is3xxRedirection()).andReturn();
        String target = docs.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/api/v1/");
        String page = mvc.perform(get(target)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("swagger-ui");
        mvc.perform(get("/api/v1/openapi/swagger-config")).andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/api/v1/openapi"));
    }
}
