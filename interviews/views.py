from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView
from django_filters.views import FilterView

from roles import structured_data
from roles.models import ExperienceLevel
from roles.views import AnyPageMixin

from .filters import QuestionBankFilter
from .forms import KitForm
from .jobads import JobAd, JobAdForm
from .kits import Kit, by_level
from .models import InterviewQuestion


class QuestionBankView(AnyPageMixin, FilterView):
    """The question bank: questions and case studies, filtered by the parameters in the URL.

    Template interviews/question_bank.html; context: `filter` (its form shows the errors),
    `page_obj` of questions, `case_studies` (first page only) and `roles` with a kit.
    A bad parameter is a form error on the page, never an exception.
    """

    template_name = "interviews/question_bank.html"
    filterset_class = QuestionBankFilter
    context_object_name = "questions"
    paginate_by = 20

    def get_queryset(self):
        return InterviewQuestion.objects.public().with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["case_studies"] = list(self.filterset.case_studies()) if page.number == 1 else []
        # The role select's choices, already fetched by the form when it rendered or validated.
        context["roles"] = list(self.filterset.form.fields["metier"].queryset)
        return context


class KitBuilderView(DetailView):
    """The kit builder: the role's proposal as a GET form, and the kit the choices produce.

    Template interviews/kit.html; context: `role`, `form` (the choices, with their errors),
    `kit` (None while the choices have errors), `suggestions` (the role's questions not in
    the kit) and `other_roles` (the bank's other questions, by role), both ordered by the
    chosen level. Without any choice in the URL, the kit is the default proposal: every
    question of the role, for a confirmed profile; for a role with no question of its own,
    no kit yet but the builder, to compose one from other roles' questions and one's own.
    """

    template_name = "interviews/kit.html"
    context_object_name = "role"

    def get_queryset(self):
        # Editors (staff) preview the kit of a draft or archived role, as its sheet.
        return Kit.roles().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        role = self.object
        bank = Kit.bank(previewed=None if role.status == role.Status.PUBLISHED else role)
        own_role = [question for question in bank if role in question.roles.all()]
        cases = list(role.case_studies.all())
        params = self.request.GET
        chosen_in_url = any(name in params for name in ("q", "perso", "niveau"))
        if chosen_in_url:
            data = params
        elif own_role:
            data = KitForm.proposal(own_role)
        else:  # no question of its own: a blank builder, the bank and own questions to pick
            data = None
        form = KitForm(data, role=role, bank=bank, case_studies=cases)
        kit = None
        if form.is_bound and form.is_valid():
            kit = Kit(
                role,
                form.cleaned_data["items"],
                form.cleaned_data["niveau"],
                form.cleaned_data["cas"],
            )
        in_kit = {item.pk for item in form.chosen if not getattr(item, "is_own", False)}
        unchosen = by_level([q for q in bank if q.pk not in in_kit], role, form.tier)
        others = {}
        for question in unchosen:
            if role not in question.roles.all():
                names = ", ".join(r.name for r in question.roles.all())
                others.setdefault(names, []).append(question)
        return super().get_context_data(
            form=form,
            kit=kit,
            chosen_in_url=chosen_in_url,
            questions=own_role,
            suggestions=[q for q in unchosen if role in q.roles.all()],
            other_roles=list(others.items()),
            **kwargs,
        )


def job_ad(request, slug):
    """/entretiens/annonce/<slug>/?niveau=…&format=…: a draft job ad from the role's documents.

    Template interviews/job_ad.html (the page, `?format=html` the standalone file
    interviews/job_ad_file.html); `?format=md` gives Markdown. Context: `role`, `form` (its
    errors shown on the page), `ad` (None while the choices have errors). An unknown role is a
    404; a bad level or format, a French message on the page.
    """
    role = get_object_or_404(JobAd.roles().visible_to(request.user), slug=slug)
    form = JobAdForm(request.GET)
    if not form.is_valid():
        context = {"role": role, "form": form, "ad": None, "tiers": ExperienceLevel.Tier}
        return render(request, "interviews/job_ad.html", context)
    ad = JobAd(role, form.cleaned_data["niveau"])
    fmt = form.cleaned_data["format"]
    filename = f"annonce-{role.slug}-{ad.tier.value}"
    if fmt == "md":
        response = HttpResponse(ad.markdown(request), content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.md"'
        return response
    context = {
        "role": role,
        "form": form,
        "ad": ad,
        "tiers": ExperienceLevel.Tier,
        "json_ld": structured_data.script(ad.json_ld(request)),
    }
    if fmt == "html":
        response = render(request, "interviews/job_ad_file.html", context)
        response["Content-Disposition"] = f'attachment; filename="{filename}.html"'
        return response
    context["markdown"] = ad.markdown(request)
    return render(request, "interviews/job_ad.html", context)
