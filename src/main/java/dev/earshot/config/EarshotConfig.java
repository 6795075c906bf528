package dev.earshot.config;

import dev.earshot.core.ReadCosts;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Routing;
import dev.earshot.core.Team;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole configuration. Missing sections get their defaults, so a small file is enough.
 *
 * @param routes which channel a new conversation goes to; the first matching rule wins, the
 *     chat's own channel takes the rest
 * @param templates saved replies to pick from in the reply form
 * @param instance this running instance's name and lease term (several instances on one store)
 */
public record EarshotConfig(TeamConfig team, StoreConfig store, ChatConfig chat,
        List<SourceConfig> sources, OpsConfig ops, PriorityConfig priority,
        BusinessHoursConfig businessHours, SlaConfig sla, NudgesConfig nudges, OnCallConfig oncall,
        ContinuityConfig continuity, List<RouteConfig> routes, List<TemplateConfig> templates,
        DigestConfig digest, InstanceConfig instance, AfterHoursConfig afterHours, SpikesConfig spikes) {

    public EarshotConfig {
        team = team == null ? TeamConfig.defaults() : team;
        store = store == null ? StoreConfig.defaults() : store;
        chat = chat == null ? ChatConfig.defaults() : chat;
        sources = sources == null ? List.of() : List.copyOf(sources);
        ops = ops == null ? OpsConfig.defaults() : ops;
        priority = priority == null ? PriorityConfig.defaults() : priority;
        businessHours = businessHours == null ? BusinessHoursConfig.defaults() : businessHours;
        sla = sla == null ? SlaConfig.defaults() : sla;
        nudges = nudges == null ? NudgesConfig.defaults() : nudges;
        oncall = oncall == null ? OnCallConfig.defaults() : oncall;
        continuity = continuity == null ? ContinuityConfig.defaults() : continuity;
        digest = digest == null ? DigestConfig.defaults() : digest;
        instance = instance == null ? InstanceConfig.defaults() : instance;
        afterHours = afterHours == null ? AfterHoursConfig.defaults() : afterHours;
        spikes = spikes == null ? SpikesConfig.defaults() : spikes;
        routes = routes == null ? List.of() : List.copyOf(routes);
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    /** Only the first sections: the others get their defaults. */
    public EarshotConfig(TeamConfig team, StoreConfig store, ChatConfig chat, List<SourceConfig> sources,
            OpsConfig ops, PriorityConfig priority) {
        this(team, store, chat, sources, ops, priority, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** A config built in code (the demo's, tests'): every section left unset gets its defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets sections by name, so that a config written in code needs no row of nulls. */
    public static final class Builder {
        private TeamConfig team;
        private StoreConfig store;
        private ChatConfig chat;
        private List<SourceConfig> sources;
        private OpsConfig ops;
        private PriorityConfig priority;
        private BusinessHoursConfig businessHours;
        private SlaConfig sla;
        private NudgesConfig nudges;
        private OnCallConfig oncall;
        private ContinuityConfig continuity;
        private List<RouteConfig> routes;
        private List<TemplateConfig> templates;
        private DigestConfig digest;
        private InstanceConfig instance;
        private AfterHoursConfig afterHours;
        private SpikesConfig spikes;

        private Builder() {
        }

        public Builder team(TeamConfig team) {
            this.team = team;
            return this;
        }

        public Builder store(StoreConfig store) {
            this.store = store;
            return this;
        }

        public Builder chat(ChatConfig chat) {
            this.chat = chat;
            return this;
        }

        public Builder sources(List<SourceConfig> sources) {
            this.sources = sources;
            return this;
        }

        public Builder ops(OpsConfig ops) {
            this.ops = ops;
            return this;
        }

        public Builder priority(PriorityConfig priority) {
            this.priority = priority;
            return this;
        }

        public Builder businessHours(BusinessHoursConfig businessHours) {
            this.businessHours = businessHours;
            return this;
        }

        public Builder sla(SlaConfig sla) {
            this.sla = sla;
            return this;
        }

        public Builder nudges(NudgesConfig nudges) {
            this.nudges = nudges;
            return this;
        }

        public Builder oncall(OnCallConfig oncall) {
            this.oncall = oncall;
            return this;
        }

        public Builder continuity(ContinuityConfig continuity) {
            this.continuity = continuity;
            return this;
        }

        public Builder routes(List<RouteConfig> routes) {
            this.routes = routes;
            return this;
        }

        public Builder templates(List<TemplateConfig> templates) {
            this.templates = templates;
            return this;
        }

        public Builder digest(DigestConfig digest) {
            this.digest = digest;
            return this;
        }

        public Builder instance(InstanceConfig instance) {
            this.instance = instance;
            return this;
        }

        public Builder afterHours(AfterHoursConfig afterHours) {
            this.afterHours = afterHours;
            return this;
        }

        public Builder spikes(SpikesConfig spikes) {
            this.spikes = spikes;
            return this;
        }

        public EarshotConfig build() {
            return new EarshotConfig(team, store, chat, sources, ops, priority, businessHours, sla, nudges, oncall,
                    continuity, routes, templates, digest, instance, afterHours, spikes);
        }
    }

    /** The routes, falling back to the chat's own channel. */
    public Routing routing() {
        return new Routing(routes.stream().map(RouteConfig::toRule).toList(), chat.channel());
    }

    public List<ReplyTemplate> replyTemplates() {
        return templates.stream().map(TemplateConfig::toTemplate).toList();
    }

    /** Each X source's prices and budget (or null), by source name: what paid reads cost. */
    public Map<String, ReadCosts> readCosts() {
        Map<String, ReadCosts> costs = new LinkedHashMap<>();
        sources.stream().filter(s -> s instanceof XSourceConfig).map(s -> (XSourceConfig) s).forEach(x ->
                costs.put(x.name(), new ReadCosts(x.costs().toPrices(), x.budget().orElse(null))));
        return costs;
    }

    public Team toTeam() {
        return team.toTeam();
    }

    /**
     * One line for {@code earshot check-config}, free of secrets:
     * {@code chat: shell #support · sources: demo (demo) · team: alice, bob · store: sqlite ...}.
     */
    public String describe() {
        String sourceList = sources.stream()
                .map(s -> s.name() + " (" + s.platform().id() + ")")
                .collect(Collectors.joining(", "));
        String teamList = team.members().stream()
                .map(m -> m.admin() ? m.name() + " (admin)" : m.name())
                .collect(Collectors.joining(", "));
        String opsText = ops.enabled() ? ops.bind() + ":" + ops.port() : "off";
        return "chat: " + chat.describe()
                + " · sources: " + sourceList
                + " · team: " + teamList
                + " · store: " + store.describe()
                + (routes.isEmpty() ? "" : " · routes: " + routes.size())
                + (templates.isEmpty() ? "" : " · templates: " + templates.size())
                + " · timezone: " + team.timezone().getId()
                + " · ops: " + opsText;
    }
}
