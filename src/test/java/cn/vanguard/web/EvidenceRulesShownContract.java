package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/**
 * Where the rule document asks for proof (changzhou-2021's 特色分: 以网格化走访记录、照片或签到为依据), the forms say so
 * beside each item: the scorer's entry form and the member's declaration, before anything is recorded.
 */
abstract class EvidenceRulesShownContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void theEntryFormAndTheDeclarationNameTheItemsThatNeedProof() throws Exception {
        Fixtures.Tree tree = fixtures.tree("changzhou-2021");
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        String form = mvc.perform(get("/entries/new").param("unitId", Long.toString(tree.branch().id())).with(scorer.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("志愿服务参与情况 · 需提供证明材料").contains("标有“需提供证明材料”的项目：保存后在该条记录的页面上传照片或PDF")
                .doesNotContain("登录学习强国 · ");

        long member = fixtures.member(tree.branch().id(), "申报人");
        Fixtures.Account account = fixtures.memberAccount(member, tree.branch().id());
        String declare = mvc.perform(get("/declare").with(account.request())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(declare).contains("志愿服务参与情况（酌情0～5分） · 需提供证明材料");
    }
}
