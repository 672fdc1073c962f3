from django.views.generic import DetailView
from django_filters.views import FilterView

from roles.views import AnyPageMixin

from .filters import QuestionBankFilter
from .forms import KitForm
from .kits import Kit
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
        return InterviewQuestion.objects.with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["case_studies"] = list(self.filterset.case_studies()) if page.number == 1 else []
        # The role select's choices, already fetched by the form when it rendered or validated.
        context["roles"] = list(self.filterset.form.fields["metier"].queryset)
        return context


class KitBuilderView(DetailView):
    """The kit builder: the role's proposal as a GET form, and the kit the choices produce.

    Template interviews/kit.html; context: `role`, `form` (the proposal, with its errors) and
    `kit` (None while the choices have errors). Without any choice in the URL, the kit is the
    default proposal: every question of the role, for a confirmed profile.
    """

    template_name = "interviews/kit.html"
    context_object_name = "role"

    def get_queryset(self):
        return Kit.roles()

    def get_context_data(self, **kwargs):
        role = self.object
        questions = list(role.interview_questions.all())
        params = self.request.GET
        data = params if ("q" in params or "niveau" in params) else KitForm.proposal(questions)
        form = KitForm(data, role=role, questions=questions)
        kit = None
        has_content = bool(questions) or bool(role.case_studies.all())
        if has_content and form.is_valid():
            kit = Kit(role, form.cleaned_data["q"], form.cleaned_data["niveau"])
        return super().get_context_data(form=form, kit=kit, questions=questions, **kwargs)
